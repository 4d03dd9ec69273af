package com.flowstate.action.email;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.flowstate.action.OwnTransaction;

/**
 * Remembers, outside the job's transaction, that an action execution's e-mail was handed to SMTP: the record
 * {@link com.flowstate.action.Outbound} reads before sending again (DESIGN invariant 3).
 */
@Component
class EmailDeliveries {

    private final OwnTransaction ownTransaction;

    EmailDeliveries(OwnTransaction ownTransaction) {
        this.ownTransaction = ownTransaction;
    }

    Optional<Delivery> find(String executionKey) {
        return ownTransaction.call(jdbc -> jdbc.sql("""
                        select message_id, recipient_email from email_delivery where execution_key = ?""")
                .param(executionKey).query(Delivery.class).optional());
    }

    void record(String executionKey, String messageId, String recipientEmail) {
        ownTransaction.run(jdbc -> jdbc.sql("""
                        insert into email_delivery (execution_key, message_id, recipient_email) values (?, ?, ?)
                        on conflict do nothing""")
                .params(executionKey, messageId, recipientEmail).update());
    }

    record Delivery(String messageId, String recipientEmail) {
    }
}

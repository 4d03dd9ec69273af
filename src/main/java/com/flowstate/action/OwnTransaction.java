package com.flowstate.action;

import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs SQL in a transaction of its own, committed whatever the job's transaction then does. For what must outlive a
 * failed attempt: the record that a side effect happened (an e-mail handed to SMTP, a webhook called), so a retry
 * does not do it twice (invariant 3).
 */
@Component
public class OwnTransaction {

    private final JdbcClient jdbc;
    private final TransactionTemplate template;

    OwnTransaction(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = new TransactionTemplate(transactions);
        this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public <T> T call(Function<JdbcClient, T> work) {
        return template.execute(status -> work.apply(jdbc));
    }

    public void run(Consumer<JdbcClient> work) {
        template.executeWithoutResult(status -> work.accept(jdbc));
    }
}

package com.flowstate.opportunity;

import java.sql.Timestamp;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.flowstate.flow.SubstateClosed;
import com.flowstate.flow.SubstateOpened;

/**
 * Keeps the opportunity's substate log from the engine's history, in the engine's transaction: which substates are
 * open is then one indexed query instead of a walk of every process instance.
 */
@Component
class SubstateLog {

    private final JdbcClient jdbc;

    SubstateLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SubstateOpened opened) {
        jdbc.sql("""
                        insert into opportunity_substate (activity_instance_id, opportunity_id, substate_key,
                                                          substate_name, opened_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(opened.activityInstanceId(), opened.opportunityId(), opened.substateKey(),
                        opened.substateName(), Timestamp.from(opened.at()))
                .update();
    }

    @EventListener
    void on(SubstateClosed closed) {
        jdbc.sql("update opportunity_substate set closed_at = ? where activity_instance_id = ?")
                .params(Timestamp.from(closed.at()), closed.activityInstanceId()).update();
    }
}

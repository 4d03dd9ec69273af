package com.flowstate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import com.flowstate.security.SystemAuthentication;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

@IntegrationTest
class AuditTrailIT {

    @Autowired AuditTrail trail;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    record Account(String name, String host, String password, boolean passwordSet, List<Map<String, Object>> nested) {
    }

    @Test
    void recordsWhoChangedWhatWithBeforeAndAfterAndSecretsMasked() {
        String subject = data.unique("relay");
        Account before = new Account(subject, "old.example", "hunter2", true,
                List.of(Map.of("apiToken", "t0ps3cret", "port", 25)));
        Account after = new Account(subject, "new.example", "correct horse", true, List.of());

        SystemAuthentication.runAs(data.admin(), () -> transactions.executeWithoutResult(status ->
                trail.record(AuditArea.SMTP_ACCOUNT, subject, AuditChange.UPDATED, before, after)));

        Map<String, Object> row = jdbc.sql("""
                        select actor, area, change, before::text as before, after::text as after
                        from audit_entry where subject = ?""")
                .param(subject).query().singleRow();
        assertThat(row).containsEntry("actor", "test-admin").containsEntry("area", "SMTP_ACCOUNT")
                .containsEntry("change", "UPDATED");
        assertThat((String) row.get("before")).contains("old.example", "\"passwordSet\": true", AuditTrail.MASK)
                .doesNotContain("hunter2", "t0ps3cret").contains("\"port\": 25");
        assertThat((String) row.get("after")).contains("new.example").doesNotContain("correct horse");
    }

    @Test
    void aChangeOutsideATransactionIsRefusedSoItCannotCommitWithoutItsRow() {
        assertThatThrownBy(() -> trail.record(AuditArea.PARTNER, "x", AuditChange.CREATED, null, Map.of("a", 1)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aChangeThatRollsBackLeavesNoRow() {
        String subject = data.unique("rolled-back");
        transactions.executeWithoutResult(status -> {
            trail.record(AuditArea.PARTNER, subject, AuditChange.CREATED, null, Map.of("name", subject));
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from audit_entry where subject = ?").param(subject)
                .query(Long.class).single()).isZero();
    }
}

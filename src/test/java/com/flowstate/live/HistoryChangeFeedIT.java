package com.flowstate.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;

@IntegrationTest
class HistoryChangeFeedIT {

    @Autowired
    HistoryChangeFeed feed;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource dataSource;

    private final List<HistoryChange> seen = new CopyOnWriteArrayList<>();
    private final Consumer<List<HistoryChange>> listener = seen::addAll;

    @BeforeEach
    void listen() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(feed::isListening);
        feed.addListener(listener);
    }

    @AfterEach
    void stopListening() {
        feed.removeListener(listener);
    }

    @Test
    void announcesTheRowOfAnActionWrittenByTheJobExecutorAndItsOutcome() {
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER), null);

        data.startEmailTestFlow(opportunity, "offer-sent", TestData.WORKING_SMTP, "CUSTOMER", null, false);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<HistoryChange> ofIt = seen.stream().filter(change -> "email".equals(change.action())
                    && Long.valueOf(opportunity.id()).equals(change.opportunityId())).toList();
            // The opportunity's own flow sends e-mails too: some row of it was announced new, then succeeded.
            assertThat(ofIt).anySatisfy(inserted -> {
                assertThat(inserted.inserted()).isTrue();
                assertThat(ofIt).anyMatch(change -> change.rowId() == inserted.rowId() && !change.inserted()
                        && "SUCCEEDED".equals(change.status()));
            });
        });
    }

    @Test
    void announcesACommittedWriteButNeverARolledBackOne() {
        Opportunity opportunity = data.opportunity(data.partner(CompanyKind.INSTALLER), null);
        long companyId = opportunity.installerId();

        Long rolledBack = transactions.execute(status -> {
            status.setRollbackOnly();
            return insertActivity(opportunity.id(), companyId, "never committed");
        });
        Long committed = transactions.execute(status -> insertActivity(opportunity.id(), companyId, "committed"));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream()
                .anyMatch(change -> change.action().equals("activity-task") && change.rowId() == committed));
        assertThat(seen).noneMatch(change -> change.action().equals("activity-task") && change.rowId() == rolledBack);
        assertThat(seen).filteredOn(change -> change.action().equals("activity-task") && change.rowId() == committed)
                .first()
                .satisfies(change -> {
                    assertThat(change.inserted()).isTrue();
                    assertThat(change.status()).isEqualTo("OPEN");
                    assertThat(change.opportunityId()).isEqualTo(opportunity.id());
                });
    }

    @Test
    void seesAChangeAnnouncedByAnotherNodesConnection() throws Exception {
        // Another node is another connection to the same database; it notifies from its own transaction.
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        try (Connection otherNode = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
                pool.getPassword());
             PreparedStatement notify = otherNode.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, HistoryChange.CHANNEL);
            notify.setString(2, "{\"a\":\"webhook\",\"id\":987654321,\"o\":42,\"s\":\"FAILED\",\"i\":false}");
            notify.execute();
        }

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen)
                .contains(new HistoryChange("webhook", 987654321L, 42L, "FAILED", false)));
    }

    private Long insertActivity(long opportunityId, long companyId, String subject) {
        return jdbc.sql("""
                        insert into activity (opportunity_id, type, subject, due_date, assignee_role, assignee_company_id)
                        values (?, 'CALL', ?, ?, 'INSTALLER', ?) returning id""")
                .params(opportunityId, subject, LocalDate.now(), companyId).query(Long.class).single();
    }
}

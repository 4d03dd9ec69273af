package com.flowstate.action.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.history.HistorySort;
import com.flowstate.history.Page;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.PartnerScope;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** Filters, sorting and keyset paging of the E-mail tab, on rows written straight into its table. */
@IntegrationTest
class EmailHistoryQueryIT {

    private static final Instant BASE = Instant.parse("2020-03-10T10:00:00Z");

    @Autowired TestData data;
    @Autowired EmailHistoryQuery query;
    @Autowired JdbcClient jdbc;

    Company installer;
    Opportunity opportunity;
    String tag;

    @BeforeEach
    void fortyRowsOfOneInstaller() {
        installer = data.partner(CompanyKind.INSTALLER);
        opportunity = data.opportunity(installer, null);
        tag = data.unique("tpl");
        for (int i = 0; i < 40; i++) {
            insert(i, i % 4 == 0 ? "FAILED" : "SUCCEEDED", tag + (i % 2 == 0 ? "-even" : "-odd"),
                    i % 3 == 0 ? "Legacy relay" : "Platform SMTP", BASE.plus(i, ChronoUnit.HOURS));
        }
    }

    @Test
    void keysetPagesWalkEveryRowOnceInOrder() {
        List<EmailHistoryRow> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<EmailHistoryRow> page = query.page(scope(), byTemplate(), HistorySort.desc("createdAt"),
                    cursor, 7);
            all.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(6);
        assertThat(all).hasSize(40);
        assertThat(all).extracting(EmailHistoryRow::createdAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(all).extracting(EmailHistoryRow::id).doesNotHaveDuplicates();
    }

    @Test
    void textSortPagesKeepTheirOrderAcrossEqualValues() {
        List<EmailHistoryRow> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<EmailHistoryRow> page = query.page(scope(), byTemplate(), HistorySort.asc("smtpCredential"),
                    cursor, 6);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(all).hasSize(40).extracting(EmailHistoryRow::id).doesNotHaveDuplicates();
        assertThat(all).extracting(EmailHistoryRow::smtpCredential).isSorted();
    }

    @Test
    void filtersCombineOnEveryColumn() {
        var failedEvenOnLegacy = new EmailHistoryFilter(null, null, tag + "-even", "customer-", "legacy", false,
                null, null);

        List<EmailHistoryRow> rows = page(failedEvenOnLegacy);

        // i % 4 == 0 (failed, even) and i % 3 == 0 (legacy): i = 0, 12, 24, 36
        assertThat(rows).hasSize(4).allSatisfy(row -> {
            assertThat(row.status()).isFalse();
            assertThat(row.template()).isEqualTo(tag + "-even");
            assertThat(row.smtpCredential()).isEqualTo("Legacy relay");
        });
        assertThat(page(new EmailHistoryFilter(null, null, tag, null, null, true, null, null))).hasSize(30);
        assertThat(page(new EmailHistoryFilter(null, opportunity.name().toUpperCase(), tag, null, null, null, null, null))).hasSize(40);
    }

    @Test
    void theDateRangeIncludesBothEndDays() {
        // Rows are one hour apart from 2020-03-10 11:00 Rome time: the 10th holds 13 of them, the 11th 24.
        var tenthAndEleventh = byTemplateBetween(LocalDate.of(2020, 3, 10), LocalDate.of(2020, 3, 11));

        assertThat(page(tenthAndEleventh)).hasSize(37);
        assertThat(page(byTemplateBetween(LocalDate.of(2020, 3, 12), null))).hasSize(3);
    }

    @Test
    void anotherPartnerSeesNoneOfTheRows() {
        Company other = data.partner(CompanyKind.INSTALLER);

        var rows = query.page(PartnerScope.company(other.id()), byTemplate(), HistorySort.desc("createdAt"),
                null, 100).items();

        assertThat(rows).isEmpty();
    }

    @Test
    void aCursorOfAnotherSortIsRefused() {
        String cursor = query.page(scope(), byTemplate(), HistorySort.desc("createdAt"), null, 5)
                .nextCursor();

        assertThatThrownBy(() -> query.page(scope(), byTemplate(), HistorySort.desc("template"),
                cursor, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<EmailHistoryRow> page(EmailHistoryFilter filter) {
        return query.page(scope(), filter, HistorySort.desc("createdAt"), null, 500).items();
    }

    private EmailHistoryFilter byTemplate() {
        return byTemplateBetween(null, null);
    }

    private EmailHistoryFilter byTemplateBetween(LocalDate from, LocalDate to) {
        return new EmailHistoryFilter(null, null, tag, null, null, null, from, to);
    }

    private PartnerScope scope() {
        return PartnerScope.company(installer.id());
    }

    private void insert(int i, String status, String template, String smtp, Instant createdAt) {
        jdbc.sql("""
                        insert into email_history (execution_key, opportunity_id, process_instance_id, activity_id,
                            trigger, template_name, smtp_credential_name, recipient_email, status, attempts, created_at)
                        values (?, ?, 'pi', 'SendTest', 'OPEN', ?, ?, ?, ?, 1, ?)""")
                .params(tag + "-" + i, opportunity.id(), template, smtp, "customer-" + i + "@test.example", status,
                        Timestamp.from(createdAt))
                .update();
    }
}

package com.flowstate.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.opportunity.Opportunity;
import com.flowstate.security.PartnerScope;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** Counts shown as badges stop at 10,000 and say so, instead of counting every row of a large history. */
@IntegrationTest
class CappedCountIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate rest;
    @Autowired OutcomeCounts outcomes;

    @Test
    void retryCountAndDashboardStopAtTheCapAndSaySo() {
        Opportunity opportunity = data.opportunity(null, null);
        // One more failed row than the cap, created today, in one statement.
        jdbc.sql("""
                        insert into email_history (execution_key, opportunity_id, process_instance_id, activity_id,
                                                   trigger, template_name, smtp_credential_name, status, attempts)
                        select ? || n, ?, 'none', 'SendCapped', 'OPEN', 'capped-offer', ?, 'FAILED', 3
                        from generate_series(1, ?) n""")
                .params(data.unique("capped") + "-", opportunity.id(), TestData.WORKING_SMTP, CappedCount.CAP + 1)
                .update();
        try {
            String admin = data.fastLogin(data.internalUser());
            var count = rest.withBasicAuth(admin, admin).exchange(
                    "/api/history/emails/retry/count?opportunityId=" + opportunity.id(), HttpMethod.GET, null, JSON);
            assertThat(count.getBody()).containsEntry("count", CappedCount.CAP).containsEntry("capped", true);

            LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
            CappedCount failedToday = outcomes.since(PartnerScope.everything(), List.of(today)).stream()
                    .filter(action -> action.tabKey().equals("email")).findFirst().orElseThrow()
                    .counts().get(0).failed();
            assertThat(failedToday).isEqualTo(new CappedCount(CappedCount.CAP, true));
        } finally {
            jdbc.sql("delete from email_history where opportunity_id = ?").param(opportunity.id()).update();
        }
    }

    @Test
    void aCountUpToTheCapIsExact() {
        assertThat(CappedCount.of(0)).isEqualTo(new CappedCount(0, false));
        assertThat(CappedCount.of(CappedCount.CAP)).isEqualTo(new CappedCount(CappedCount.CAP, false));
        assertThat(CappedCount.of(CappedCount.CAP + 1)).isEqualTo(new CappedCount(CappedCount.CAP, true));
    }
}

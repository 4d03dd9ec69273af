package com.flowstate.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.mail.MailSink;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** "Retry all failed matching this filter" over 1,000 failed e-mails: each is sent exactly once. */
@IntegrationTest
class BulkRetryIT {

    private static final int ROWS = 1_000;
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired MailSink sink;
    @Autowired TestRestTemplate rest;

    @Test
    void retriesAThousandFailedEmailsMatchingTheFilterEachExactlyOnce() {
        Opportunity opportunity = data.opportunity(null, null);
        insertFailedEmails(opportunity, ROWS);
        String admin = data.fastLogin(data.internalUser());
        String filter = "?opportunityId=" + opportunity.id() + "&template=bulk-offer";

        var count = rest.withBasicAuth(admin, admin).exchange("/api/history/emails/retry/count" + filter,
                HttpMethod.GET, null, JSON);
        assertThat(count.getBody()).containsEntry("count", ROWS);

        // Clicked twice: the second request finds every row already taken.
        var first = rest.withBasicAuth(admin, admin).exchange("/api/history/emails/retry" + filter, HttpMethod.POST,
                HttpEntity.EMPTY, JSON);
        var second = rest.withBasicAuth(admin, admin).exchange("/api/history/emails/retry" + filter, HttpMethod.POST,
                HttpEntity.EMPTY, JSON);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(first.getBody()).containsEntry("total", ROWS);
        assertThat(second.getBody()).containsEntry("total", 0).containsEntry("finished", true);
        long batch = ((Number) first.getBody().get("id")).longValue();

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Boolean.TRUE.equals(rest.withBasicAuth(admin, admin).exchange("/api/history/emails/retry/batches/"
                        + batch, HttpMethod.GET, null, JSON).getBody().get("finished")));

        var progress = rest.withBasicAuth(admin, admin).exchange("/api/history/emails/retry/batches/" + batch,
                HttpMethod.GET, null, JSON).getBody();
        assertThat(progress).containsEntry("done", ROWS).containsEntry("succeeded", ROWS).containsEntry("failed", 0);
        RetryEmails.settle();
        List<String> received = sink.received().stream()
                .filter(message -> RetryEmails.isTo(message, opportunity.customerEmail()))
                .filter(message -> RetryEmails.subject(message).startsWith("[offer-sent]"))
                .map(RetryEmails::messageId).toList();
        Set<String> rowMessageIds = jdbc.sql("""
                        select message_id from email_history where opportunity_id = ? and execution_key like 'bulk-execution-%'
                           and status = 'SUCCEEDED' and attempts = 4 and template_name = 'offer-sent'""")
                .param(opportunity.id()).query(String.class).list().stream().collect(Collectors.toSet());
        assertThat(received).hasSize(ROWS).doesNotHaveDuplicates();
        assertThat(rowMessageIds).hasSize(ROWS).containsExactlyInAnyOrderElementsOf(received);
    }

    /**
     * Failed e-mail rows as three failed attempts of the flow would have left them, with the inputs they ran with
     * (the working SMTP account: the outage is over).
     */
    private void insertFailedEmails(Opportunity opportunity, int rows) {
        String definition = """
                {"action":"sendEmailAction","activityId":"SendBulkOffer","activityName":"Bulk offer",
                 "substateKey":"Offer","substateName":"Offerta","trigger":"OPEN","parameters":{}}""";
        String inputs = """
                {"template":"offer-sent","smtpCredential":"%s","recipientRole":"CUSTOMER","extraRecipient":null}"""
                .formatted(TestData.WORKING_SMTP);
        List<Object[]> history = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            history.add(new Object[] {data.unique("bulk-execution"), opportunity.id()});
        }
        for (Object[] row : history) {
            jdbc.sql("""
                            insert into email_history (execution_key, opportunity_id, process_instance_id, activity_id,
                                                       substate_key, substate_name, trigger, template_name,
                                                       smtp_credential_name, recipient_role, status, attempts,
                                                       last_error)
                            values (?, ?, 'none', 'SendBulkOffer', 'Offer', 'Offerta', 'OPEN', 'bulk-offer', ?,
                                    'CUSTOMER', 'FAILED', 3, 'SMTP server unreachable')""")
                    .params(row[0], row[1], TestData.WORKING_SMTP).update();
            jdbc.sql("""
                            insert into action_input (execution_key, action, definition, inputs)
                            values (?, 'sendEmailAction', cast(? as jsonb), cast(? as jsonb))""")
                    .params(row[0], definition, inputs).update();
        }
    }
}

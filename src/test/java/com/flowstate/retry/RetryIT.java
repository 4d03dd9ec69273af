package com.flowstate.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.action.email.EmailHistoryQuery;
import com.flowstate.action.email.EmailHistoryRow;
import com.flowstate.history.ActionStatus;
import com.flowstate.mail.MailSink;
import com.flowstate.mail.SmtpCredentialService;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

import jakarta.mail.internet.MimeMessage;

@IntegrationTest
class RetryIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
            new ParameterizedTypeReference<>() { };

    @Autowired TestData data;
    @Autowired SmtpCredentialService credentials;
    @Autowired EmailHistoryQuery history;
    @Autowired MailSink sink;
    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;

    RetryEmails emails;
    String admin;

    @BeforeEach
    void setUp() {
        emails = new RetryEmails(data, credentials, history, sink);
        data.admin();
        admin = data.fastLogin("test-admin");
    }

    @Test
    void retryingAFailedEmailAfterFixingItsAccountSendsItOnceAndTheSameRowSucceeds() {
        Opportunity opportunity = data.opportunity(null, null);
        String account = emails.deadAccount();
        EmailHistoryRow failed = emails.failedEmail(opportunity, account);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(emails.offersTo(opportunity)).isEmpty();

        emails.fix(account);
        var response = post(admin, "/api/history/emails/" + failed.id() + "/retry");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        EmailHistoryRow succeeded = emails.awaitRow(opportunity, row -> row.state() == ActionStatus.SUCCEEDED);
        assertThat(succeeded.id()).isEqualTo(failed.id());
        assertThat(succeeded.attempts()).isEqualTo(4);
        assertThat(emails.rows(opportunity)).hasSize(1);
        RetryEmails.settle();
        List<MimeMessage> sent = emails.offersTo(opportunity);
        assertThat(sent).hasSize(1);
        assertThat(RetryEmails.messageId(sent.get(0))).isEqualTo(succeeded.messageId());

        List<Map<String, Object>> attempts = attempts(admin, failed.id());
        assertThat(attempts).extracting(a -> a.get("attempt")).containsExactly(1, 2, 3, 4);
        assertThat(attempts).extracting(a -> a.get("outcome"))
                .containsExactly("RETRYING", "RETRYING", "FAILED", "SUCCEEDED");
        assertThat(attempts.get(3)).containsEntry("origin", "RETRY").containsEntry("requestedBy", admin);
        assertThat(attempts.get(0)).containsEntry("origin", "FLOW");
        assertThat((String) attempts.get(0).get("reason")).contains("unreachable");
    }

    @Test
    void retryingWhileTheAccountIsStillBrokenFailsAgainWithMoreAttempts() {
        Opportunity opportunity = data.opportunity(null, null);
        String account = emails.deadAccount();
        EmailHistoryRow failed = emails.failedEmail(opportunity, account);

        assertThat(post(admin, "/api/history/email/" + failed.id() + "/retry").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        // A second click while the retry is under way takes nothing.
        assertThat(post(admin, "/api/history/email/" + failed.id() + "/retry").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        EmailHistoryRow again = emails.awaitRow(opportunity,
                row -> row.state() == ActionStatus.FAILED && row.attempts() > 3);
        assertThat(again.id()).isEqualTo(failed.id());
        assertThat(again.attempts()).isEqualTo(6);
        assertThat(again.lastError()).contains("unreachable");
        assertThat(attempts(admin, failed.id())).hasSize(6)
                .extracting(a -> a.get("origin")).containsExactly("FLOW", "FLOW", "FLOW", "RETRY", "RETRY", "RETRY");
        assertThat(emails.offersTo(opportunity)).isEmpty();
    }

    @Test
    void retryingARowThatDidNotFailIsRefused() {
        Opportunity opportunity = data.opportunity(null, null);
        data.startEmailTestFlow(opportunity, "offer-sent", TestData.WORKING_SMTP, "CUSTOMER", null, false);
        EmailHistoryRow sent = emails.awaitRow(opportunity, row -> row.state() == ActionStatus.SUCCEEDED);

        var response = post(admin, "/api/history/emails/" + sent.id() + "/retry");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).containsEntry("status", 409);
        assertThat((String) response.getBody().get("detail")).contains("Only a failed execution");
        assertThat(post(admin, "/api/history/emails/999999999/retry").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(admin, "/api/history/no-such-tab/1/retry").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(admin, "/api/history/substates/1/retry").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void resendingASentEmailSendsExactlyOneNewMessageRecordedAsANewLinkedRow() {
        Opportunity opportunity = data.opportunity(null, null);
        data.startEmailTestFlow(opportunity, "offer-sent", TestData.WORKING_SMTP, "CUSTOMER", null, false);
        EmailHistoryRow original = emails.awaitRow(opportunity, row -> row.state() == ActionStatus.SUCCEEDED);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> emails.offersTo(opportunity).size() == 1);

        var response = post(admin, "/api/history/emails/" + original.id() + "/resend");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long copyId = ((Number) response.getBody().get("id")).longValue();
        assertThat(copyId).isNotEqualTo(original.id());
        EmailHistoryRow copy = emails.awaitRow(opportunity,
                row -> row.id() == copyId && row.state() == ActionStatus.SUCCEEDED);
        assertThat(jdbc.sql("select resend_of from email_history where id = ?").param(copyId).query(Long.class)
                .single()).isEqualTo(original.id());
        RetryEmails.settle();
        List<MimeMessage> sent = emails.offersTo(opportunity);
        assertThat(sent).hasSize(2);
        assertThat(sent).extracting(RetryEmails::messageId)
                .containsExactlyInAnyOrder(original.messageId(), copy.messageId());
        assertThat(copy.messageId()).isNotEqualTo(original.messageId());
        assertThat(emails.rows(opportunity)).hasSize(2);
        assertThat(attempts(admin, copyId)).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("origin", "RESEND").containsEntry("outcome", "SUCCEEDED"));
        // A row that did not succeed cannot be resent.
        assertThat(post(admin, "/api/history/activities/" + original.id() + "/resend").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aPartnerCanNeitherRetryNorResendAndSeesAttemptsOfItsOwnRowsOnly() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Company other = data.partner(CompanyKind.INSTALLER);
        Opportunity mine = data.opportunity(installer, null);
        Opportunity theirs = data.opportunity(other, null);
        String account = emails.deadAccount();
        EmailHistoryRow myFailed = emails.failedEmail(mine, account);
        EmailHistoryRow theirFailed = emails.failedEmail(theirs, account);
        String partner = data.fastLogin(data.partnerUser(installer));

        assertThat(attempts(partner, myFailed.id())).hasSize(3);
        assertThat(rest.withBasicAuth(partner, partner).getForEntity("/api/history/emails/" + theirFailed.id()
                + "/attempts", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        for (long id : new long[] {myFailed.id(), theirFailed.id()}) {
            assertThat(post(partner, "/api/history/emails/" + id + "/retry").getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post(partner, "/api/history/emails/" + id + "/resend").getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(post(partner, "/api/history/emails/retry").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(partner, "/api/history/emails/retry/count").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(partner, "/api/history/emails/retry/batches/1").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(emails.rows(mine).get(0).state()).isEqualTo(ActionStatus.FAILED);
        assertThat(emails.rows(theirs).get(0).state()).isEqualTo(ActionStatus.FAILED);
    }

    @Test
    void anInternalUserRetriesTheFailedRowsMatchingAFilterAfterCountingThem() {
        Opportunity opportunity = data.opportunity(null, null);
        String account = emails.deadAccount();
        EmailHistoryRow failed = emails.failedEmail(opportunity, account);
        String internal = data.fastLogin(data.internalUser());
        String filter = "?opportunityId=" + opportunity.id() + "&smtpCredential=" + account;

        var count = get(internal, "/api/history/emails/retry/count" + filter);
        assertThat(count.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(count.getBody()).containsEntry("count", 1);
        assertThat(get(internal, "/api/history/emails/retry/count?color=red").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        emails.fix(account);
        var batch = post(internal, "/api/history/emails/retry" + filter);
        assertThat(batch.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(batch.getBody()).containsEntry("total", 1);
        long batchId = ((Number) batch.getBody().get("id")).longValue();

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                Boolean.TRUE.equals(get(internal, "/api/history/emails/retry/batches/" + batchId).getBody()
                        .get("finished")));
        assertThat(get(internal, "/api/history/emails/retry/batches/" + batchId).getBody())
                .containsEntry("done", 1).containsEntry("succeeded", 1);
        assertThat(emails.awaitRow(opportunity, row -> row.state() == ActionStatus.SUCCEEDED).id())
                .isEqualTo(failed.id());
        assertThat(get(internal, "/api/history/emails/retry/count" + filter).getBody()).containsEntry("count", 0);
    }

    private ResponseEntity<Map<String, Object>> post(String user, String path) {
        return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, HttpEntity.EMPTY, JSON);
    }

    private ResponseEntity<Map<String, Object>> get(String user, String path) {
        return rest.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, JSON);
    }

    private List<Map<String, Object>> attempts(String user, long rowId) {
        var response = rest.withBasicAuth(user, user).exchange("/api/history/emails/" + rowId + "/attempts",
                HttpMethod.GET, null, JSON_LIST);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}

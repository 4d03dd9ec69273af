package com.flowstate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * API tokens act as their user — same role, same partner scope — until revoked, expired or the user is disabled, and
 * are refused with a 401 problem, never a 500; HTTP Basic still works, with bcrypt's verdict remembered only until the
 * password changes (decision 0026).
 */
@IntegrationTest
class ApiTokenIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired ApplicationContext context;

    @Test
    void aPartnersTokenSeesOnlyItsCompanysOpportunitiesLikeThePartnerDoes() throws Exception {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Company other = data.partner(CompanyKind.INSTALLER);
        long own = data.opportunity(installer, null).id();
        long foreign = data.opportunity(other, null).id();
        String partner = data.partnerUser(installer);
        String token = createToken(partner, "ERP import");

        HttpResponse<String> list = send(get("/api/opportunities?size=200").header("Authorization", bearer(token)));
        assertThat(list.statusCode()).isEqualTo(200);
        var ids = new java.util.ArrayList<Long>();
        json.readTree(list.body()).forEach(opportunity -> ids.add(opportunity.path("id").asLong()));
        assertThat(ids).contains(own).doesNotContain(foreign);
        assertThat(send(get("/api/opportunities/" + foreign).header("Authorization", bearer(token))).statusCode())
                .isEqualTo(404);
        assertThat(send(get("/api/opportunities/" + own).header("Authorization", bearer(token))).statusCode())
                .isEqualTo(200);
        assertThat(send(get("/api/history/emails").header("Authorization", bearer(token))).statusCode())
                .isEqualTo(200);
        assertThat(send(get("/engine-rest/deployment").header("Authorization", bearer(token))).statusCode())
                .as("a partner's token has a partner's rights").isEqualTo(403);
    }

    @Test
    void aTokenIsListedWithoutItsSecretAndItsLastUseIsRecorded() throws Exception {
        String user = data.internalUser();
        String token = createToken(user, "Modeler");
        assertThat(send(get("/api/opportunities?size=1").header("Authorization", bearer(token))).statusCode())
                .isEqualTo(200);

        HttpResponse<String> list = send(get("/api/account/tokens").header("Authorization", basic(user)));

        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode tokens = json.readTree(list.body());
        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).path("name").asText()).isEqualTo("Modeler");
        assertThat(tokens.get(0).path("lastUsedAt").isNull()).isFalse();
        assertThat(token).startsWith(tokens.get(0).path("prefix").asText());
        assertThat(list.body()).doesNotContain(token);
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(ApiTokenService.hash(token))
                .query(Long.class).single()).as("stored as its SHA-256 only").isEqualTo(1);

        HttpResponse<String> expiring = create(user, Map.of("name", "for a month", "expiresInDays", 30));
        assertThat(expiring.statusCode()).isEqualTo(201);
        Instant expiresAt = Instant.parse(json.readTree(expiring.body()).path("details").path("expiresAt").asText());
        assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofDays(30)).minusSeconds(300),
                Instant.now().plus(Duration.ofDays(30)).plusSeconds(300));
        JsonNode both = json.readTree(send(get("/api/account/tokens").header("Authorization", basic(user))).body());
        assertThat(both.findValuesAsText("name")).containsExactly("for a month", "Modeler");
    }

    @Test
    void revokedExpiredGarbledAndDisabledUsersTokensAreRefusedWith401Problems() throws Exception {
        String user = data.internalUser();
        String revoked = createToken(user, "revoked");
        String expired = createToken(user, "expired");
        String disabled = createToken(data.internalUser(), "disabled user's");
        long revokedId = tokenId(revoked);
        assertThat(send(HttpRequest.newBuilder(uri("/api/account/tokens/" + revokedId)).DELETE()
                .header("Authorization", basic(user))).statusCode()).isEqualTo(204);
        jdbc.sql("update api_token set expires_at = now() - interval '1 second' where token_hash = ?")
                .param(ApiTokenService.hash(expired)).update();
        jdbc.sql("update app_user set enabled = false where id = (select user_id from api_token where token_hash = ?)")
                .param(ApiTokenService.hash(disabled)).update();

        Map<String, String> refusals = Map.of(revoked, "revoked", expired, "expired", disabled, "disabled",
                "fst_" + "A".repeat(43), "Unknown", "garbage", "Not a Flowstate API token",
                "fst_" + "x".repeat(5000), "Not a Flowstate API token");
        for (var refusal : refusals.entrySet()) {
            HttpResponse<String> response = send(get("/api/opportunities")
                    .header("Authorization", "Bearer " + refusal.getKey()));
            assertThat(response.statusCode()).as(refusal.getValue()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                    assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
            assertThat(json.readTree(response.body()).path("detail").asText()).contains(refusal.getValue());
        }
        HttpResponse<String> empty = send(get("/api/opportunities").header("Authorization", "Bearer "));
        assertThat(empty.statusCode()).isEqualTo(401);
    }

    @Test
    void badTokenRequestsAreProblemsNamingWhatIsWrong() throws Exception {
        String user = data.internalUser();
        String someoneElses = createToken(data.internalUser(), "someone else's");
        String own = createToken(user, "own");

        assertThat(create(user, Map.of("name", "x".repeat(1024 * 1024))).statusCode()).isEqualTo(400);
        assertThat(create(user, Map.of("name", "nul\u0000byte")).statusCode()).isEqualTo(400);
        assertThat(create(user, Map.of("name", "")).statusCode()).isEqualTo(400);
        assertThat(create(user, Map.of("name", "   ")).statusCode()).isEqualTo(400);
        assertThat(create(user, Map.of()).statusCode()).isEqualTo(400);
        assertThat(create(user, Map.of("name", "days", "expiresInDays", 0)).statusCode()).isEqualTo(400);
        assertThat(create(user, Map.of("name", "days", "expiresInDays", "soon")).statusCode()).isEqualTo(400);
        HttpResponse<String> byToken = send(post("/api/account/tokens", Map.of("name", "minted"))
                .header("Authorization", bearer(own)));
        assertThat(byToken.statusCode()).as("a token cannot mint tokens").isEqualTo(403);
        assertThat(byToken.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        for (String id : new String[] {"999999999", Long.toString(tokenId(someoneElses))}) {
            HttpResponse<String> revoke = send(HttpRequest.newBuilder(uri("/api/account/tokens/" + id)).DELETE()
                    .header("Authorization", basic(user)));
            assertThat(revoke.statusCode()).as(id).isEqualTo(404);
            assertThat(revoke.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(send(HttpRequest.newBuilder(uri("/api/account/tokens/abc")).DELETE()
                .header("Authorization", basic(user))).statusCode()).isEqualTo(400);
        assertThat(send(get("/api/opportunities?size=1").header("Authorization", bearer(someoneElses))).statusCode())
                .as("another user's revoke attempt left the token working").isEqualTo(200);
    }

    @Test
    void basicCredentialsAreRememberedUntilThePasswordChangesAndFailuresNeverAre() throws Exception {
        String user = data.internalUser();
        assertThat(send(get("/api/opportunities?size=1").header("Authorization", basic(user))).statusCode())
                .isEqualTo(200);
        long remembered = CredentialCacheSwitch.size(context);
        assertThat(send(get("/api/opportunities?size=1").header("Authorization", basic(user))).statusCode())
                .isEqualTo(200);
        assertThat(send(get("/api/opportunities?size=1").header("Authorization", basic(user, "wrong")))
                .statusCode()).isEqualTo(401);
        assertThat(CredentialCacheSwitch.size(context)).as("the same credential once, the wrong one never")
                .isEqualTo(remembered);

        jdbc.sql("update app_user set password_hash = ? where username = ?")
                .params(new BCryptPasswordEncoder().encode("new-password"), user).update();

        assertThat(send(get("/api/opportunities?size=1").header("Authorization", basic(user))).statusCode())
                .as("the old password stops at once").isEqualTo(401);
        assertThat(send(get("/api/opportunities?size=1").header("Authorization", basic(user, "new-password")))
                .statusCode()).isEqualTo(200);
        jdbc.sql("update app_user set enabled = false where username = ?").param(user).update();
        assertThat(send(get("/api/opportunities?size=1").header("Authorization", basic(user, "new-password")))
                .statusCode()).as("a disabled user stops at once").isEqualTo(401);
    }

    private String createToken(String user, String name) throws Exception {
        HttpResponse<String> created = create(user, Map.of("name", name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).path("token").asText();
    }

    private long tokenId(String token) {
        return jdbc.sql("select id from api_token where token_hash = ?").param(ApiTokenService.hash(token))
                .query(Long.class).single();
    }

    private HttpResponse<String> create(String user, Map<String, ?> body) throws Exception {
        return send(post("/api/account/tokens", body).header("Authorization", basic(user)));
    }

    private HttpRequest.Builder post(String path, Map<String, ?> body) throws Exception {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return basic(user, user);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}

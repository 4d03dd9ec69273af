package com.flowstate.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

@IntegrationTest
class IdempotencyIT {

    @Autowired TestData data;
    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;
    @Autowired IdempotencyKeys keys;

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndCreatesNothingMore() {
        TestRestTemplate api = internal();
        String name = data.unique("Idem");
        String key = data.unique("key");

        ResponseEntity<Map> first = create(api, key, opportunity(name));
        ResponseEntity<Map> retry = create(api, key, opportunity(name));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getHeaders().containsKey(IdempotencyFilter.REPLAYED_HEADER)).isFalse();
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getHeaders().getFirst(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(opportunitiesNamed(name)).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherRequestIsRefusedNamingTheHeader() {
        TestRestTemplate api = internal();
        String key = data.unique("key");
        String name = data.unique("Idem");
        create(api, key, opportunity(name));

        ResponseEntity<Map> other = create(api, key, opportunity(data.unique("Other")));

        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(other.getBody().get("header")).isEqualTo("Idempotency-Key");
        assertThat((String) other.getBody().get("detail")).contains(key).contains("another request");
        assertThat(opportunitiesNamed(name)).isEqualTo(1);
    }

    @Test
    void aRefusedRequestKeepsNoKeySoTheCorrectedRetrySucceeds() {
        TestRestTemplate api = internal();
        String key = data.unique("key");
        String name = data.unique("Idem");
        Map<String, Object> invalid = new java.util.HashMap<>(opportunity(name));
        invalid.put("postalCode", "951");

        ResponseEntity<Map> refused = create(api, key, invalid);
        ResponseEntity<Map> corrected = create(api, key, opportunity(name));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(corrected.getHeaders().containsKey(IdempotencyFilter.REPLAYED_HEADER)).isFalse();
        assertThat(opportunitiesNamed(name)).isEqualTo(1);
    }

    @Test
    void aKeyThatIsNotPrintableAsciiIsABadRequestNamingTheHeader() {
        TestRestTemplate api = internal();
        String name = data.unique("Idem");

        for (String key : List.of("", "x".repeat(256), "caf\u00e9", "tab\there")) {
            ResponseEntity<Map> refused = create(api, key, opportunity(name));

            assertThat(refused.getStatusCode()).as("key '%s'", key).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("header")).isEqualTo("Idempotency-Key");
        }
        assertThat(opportunitiesNamed(name)).isZero();
    }

    @Test
    void twoUsersMayChooseTheSameKey() {
        String key = data.unique("key");
        String first = data.unique("Idem");
        String second = data.unique("Idem");

        assertThat(create(internal(), key, opportunity(first)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(create(internal(), key, opportunity(second)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(opportunitiesNamed(first)).isEqualTo(1);
        assertThat(opportunitiesNamed(second)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesWaitForTheFirstAndGetItsAnswer() throws Exception {
        TestRestTemplate api = internal();
        String key = data.unique("key");
        String name = data.unique("Idem");
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ResponseEntity<Map>>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit((Callable<ResponseEntity<Map>>) () -> create(api, key, opportunity(name))));
            }
            List<ResponseEntity<Map>> responses = new ArrayList<>();
            for (var answer : answers) {
                responses.add(answer.get());
            }

            assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED));
            assertThat(responses).extracting(ResponseEntity::getBody).containsOnly(responses.get(0).getBody());
            assertThat(responses).filteredOn(r -> r.getHeaders().containsKey(IdempotencyFilter.REPLAYED_HEADER))
                    .hasSize(3);
            assertThat(opportunitiesNamed(name)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetriedSubstateCloseIsAnsweredAgainInsteadOfNotOpen() {
        TestRestTemplate api = internal();
        ResponseEntity<Map> created = create(api, data.unique("key"), opportunity(data.unique("Idem")));
        long id = ((Number) ((Map<?, ?>) created.getBody().get("opportunity")).get("id")).longValue();
        awaitOpen(api, id, "NewContact");
        String key = data.unique("close");

        // Open from its start, closable once its on-open actions have run: a refused close keeps no key.
        ResponseEntity<Map> closed = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> post(api, key, "/api/opportunities/" + id + "/substates/NewContact/close", null),
                answer -> answer.getStatusCode() != HttpStatus.CONFLICT);
        ResponseEntity<Map> retried = post(api, key, "/api/opportunities/" + id + "/substates/NewContact/close", null);
        ResponseEntity<Map> withoutKey = api.postForEntity("/api/opportunities/" + id + "/substates/NewContact/close",
                null, Map.class);

        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getHeaders().getFirst(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(withoutKey.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.sql("""
                        select count(*) from substate_change_history
                        where opportunity_id = ? and manual and change_type = 'CLOSE' and status = 'SUCCEEDED'""")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRefusedSubstateChangeIsLoggedAsWithoutAKeyAndKeepsNoKey() {
        TestRestTemplate api = internal();
        ResponseEntity<Map> created = create(api, data.unique("key"), opportunity(data.unique("Idem")));
        long id = ((Number) ((Map<?, ?>) created.getBody().get("opportunity")).get("id")).longValue();
        String key = data.unique("close");

        ResponseEntity<Map> refused = post(api, key, "/api/opportunities/" + id + "/substates/Contract/close", null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.sql("""
                        select count(*) from substate_change_history
                        where opportunity_id = ? and manual and target_substate_key = 'Contract' and status = 'FAILED'""")
                .param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from idempotency_key where idempotency_key = ?").param(key)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anExpiredKeyIsFreeAgainAndPruned() {
        TestRestTemplate api = internal();
        String key = data.unique("key");
        String name = data.unique("Idem");
        create(api, key, opportunity(name));
        jdbc.sql("update idempotency_key set created_at = now() - interval '25 hours' where idempotency_key = ?")
                .param(key).update();

        ResponseEntity<Map> again = create(api, key, opportunity(name));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getHeaders().containsKey(IdempotencyFilter.REPLAYED_HEADER)).isFalse();
        assertThat(opportunitiesNamed(name)).isEqualTo(2);

        jdbc.sql("update idempotency_key set created_at = now() - interval '25 hours' where idempotency_key = ?")
                .param(key).update();
        keys.prune();
        assertThat(jdbc.sql("select count(*) from idempotency_key where idempotency_key = ?").param(key)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theOpenApiDocumentShowsTheHeaderOnStateChangingOperations() {
        Map<?, ?> document = rest.getForObject("/v3/api-docs", Map.class);
        Map<?, ?> create = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) document.get("paths")).get("/api/opportunities"))
                .get("post");

        List<Object> names = ((List<?>) create.get("parameters")).stream()
                .map(parameter -> ((Map<?, ?>) parameter).get("name")).map(Object.class::cast).toList();

        assertThat(names).contains("Idempotency-Key");
    }

    private TestRestTemplate internal() {
        String user = data.internalUser();
        return rest.withBasicAuth(user, user);
    }

    private static Map<String, Object> opportunity(String name) {
        return Map.of("name", name, "customerName", "Rosa Verdi", "customerEmail", "rosa.verdi@customers.test",
                "city", "Catania", "postalCode", "95131", "province", "CT");
    }

    private static ResponseEntity<Map> create(TestRestTemplate api, String key, Map<String, Object> body) {
        return post(api, key, "/api/opportunities", body);
    }

    private static ResponseEntity<Map> post(TestRestTemplate api, String key, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(IdempotencyFilter.HEADER, key);
        return api.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    private long opportunitiesNamed(String name) {
        return jdbc.sql("select count(*) from opportunity where name = ?").param(name).query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    private static void awaitOpen(TestRestTemplate api, long id, String substate) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, Object> body = api.getForObject("/api/opportunities/" + id, Map.class);
            return ((List<Map<String, Object>>) body.get("openSubstates")).stream()
                    .anyMatch(open -> substate.equals(open.get("key")));
        });
    }
}

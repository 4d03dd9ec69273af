package com.flowstate.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * Input a user can type at the edges is a 400 problem detail that says what is wrong, never a 500: on the history
 * endpoints (a forged cursor, an impossible day, a NUL character) and on opening an opportunity (a NUL character, a
 * company of the wrong kind or none, a partner as owner, an unknown province, a postal code of another province).
 */
@IntegrationTest
class BadInputIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired TestRestTemplate rest;
    @Autowired TestData data;

    @Test
    void theHistoryEndpointsAnswerBadInputWithA400NamingIt() {
        String forgedCursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("createdAt\nDESC\n5\nnot-a-time".getBytes(StandardCharsets.UTF_8));

        assertBadRequest(history("emails", "cursor", forgedCursor), "Invalid cursor");
        assertBadRequest(history("emails", "from", "+999999999-01-01"), "Invalid from");
        assertBadRequest(history("activities", "to", "0001-01-01"), "Invalid to");
        assertBadRequest(history("webhooks", "url", "a\u0000b"), "Parameter 'url' contains a NUL character");
        assertBadRequest(history("substates", "sort", ","), "Invalid sort");
    }

    @Test
    void openingAnOpportunityRefusesEachBadReferenceNamingTheField() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        Company seller = data.partner(CompanyKind.SELLER);

        assertBadRequest(create(Map.of("customerName", "Rosa\u0000Verdi")),
                "Invalid value of field 'customerName': contains a NUL character");
        assertBadRequest(create(Map.of("installerId", 999_999_999L)), "installerId: no installer company has id");
        assertBadRequest(create(Map.of("installerId", seller.id())), "installerId: no installer company has id");
        assertBadRequest(create(Map.of("sellerId", installer.id())), "sellerId: no seller company has id");
        assertBadRequest(create(Map.of("ownerUsername", data.partnerUser(installer))),
                "is not an internal user");
        assertBadRequest(create(Map.of("province", "XX")), "province: 'XX' is not an Italian province");
        assertBadRequest(create(Map.of("province", "RM", "postalCode", "20121")),
                "postalCode: 20121 is not a postal code of province RM");
        assertThat(create(Map.of("installerId", installer.id(), "sellerId", seller.id())).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    private ResponseEntity<Map<String, Object>> history(String tab, String parameter, String value) {
        String admin = data.admin().getUsername();
        var uri = UriComponentsBuilder.fromPath("/api/history/" + tab).queryParam(parameter, value).encode().build()
                .toUri();
        return rest.withBasicAuth(admin, admin).exchange(uri, HttpMethod.GET, null, JSON);
    }

    private ResponseEntity<Map<String, Object>> create(Map<String, Object> fields) {
        String internal = data.internalUser();
        Map<String, Object> body = new HashMap<>(Map.of("customerName", "Rosa Verdi", "postalCode", "95131",
                "province", "CT", "ownerUsername", internal));
        body.putAll(fields);
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(internal, internal).exchange("/api/opportunities", HttpMethod.POST,
                new HttpEntity<>(body, headers), JSON);
    }

    private static void assertBadRequest(ResponseEntity<Map<String, Object>> response, String detail) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        assertThat(String.valueOf(response.getBody().get("detail"))).contains(detail);
    }
}

package com.flowstate.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.flow.FlowService;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.ApiTokenService;
import com.flowstate.security.NewApiToken;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.security.UserService;
import com.flowstate.support.AssignmentZones;
import com.flowstate.support.AssignmentZones.Zone;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * Partners and users run through the admin REST API: a new partner gets the next matching assignment and a
 * deactivated one none, its users are locked out; a password reset forces a new password; a sign-in lock is lifted;
 * only admins get in; bad input is a 400 naming the field; every change leaves one audit row.
 */
@IntegrationTest
class PartnersAndUsersAdminIT {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired TestRestTemplate rest;
    @Autowired TestData data;
    @Autowired ObjectMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired OpportunityService opportunities;
    @Autowired FlowService flow;
    @Autowired ApiTokenService tokens;
    @Autowired UserService users;
    @Autowired UserAdminService userAdmin;

    @Test
    void aPartnerCreatedThroughTheApiGetsTheNextMatchingAssignmentAndOnceDeactivatedNoneAndItsUsersAreLockedOut()
            throws Exception {
        String admin = admin();
        Zone zone = AssignmentZones.next();
        String name = data.unique("Impianti Nuovi");
        ResponseEntity<String> created = call(admin, admin, HttpMethod.POST, "/api/admin/partners", Map.of(
                "name", name, "kind", "INSTALLER", "email", "ufficio@impianti.test",
                "provinces", List.of(zone.province().toLowerCase()), "postalCodePrefixes", List.of()));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode partner = json.readTree(created.getBody());
        long partnerId = partner.get("id").asLong();
        assertThat(partner.get("active").asBoolean()).isTrue();
        assertThat(partner.get("provinces").get(0).asText()).isEqualTo(zone.province());
        assertThat(auditRows("PARTNER", name)).containsExactly("CREATED");

        Opportunity first = data.opportunityAt(zone.postalCode(1), zone.province());
        assertThat(assignedInstaller(first)).isEqualTo(partnerId);

        String partnerUser = data.fastLogin(data.partnerUser(new Company(partnerId, name, CompanyKind.INSTALLER,
                null)));
        String token = SystemAuthentication.runAs(users.loadUserByUsername(partnerUser),
                () -> tokens.create(users.loadUserByUsername(partnerUser), new NewApiToken("script", null)).token());
        assertThat(call(partnerUser, partnerUser, HttpMethod.GET, "/api/opportunities?size=1", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(bearer(token).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> deactivated = call(admin, admin, HttpMethod.POST,
                "/api/admin/partners/" + partnerId + "/deactivate", null);
        assertThat(deactivated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(deactivated.getBody()).get("active").asBoolean()).isFalse();
        assertThat(auditRows("PARTNER", name)).containsExactly("CREATED", "UPDATED");
        assertThat(jdbc.sql("select before ->> 'active', after ->> 'active' from audit_entry where subject = ? "
                        + "and change = 'UPDATED'").param(name)
                .query((rs, n) -> rs.getString(1) + "→" + rs.getString(2)).single()).isEqualTo("true→false");

        Company other = data.partner(CompanyKind.INSTALLER);
        call(admin, admin, HttpMethod.PUT, "/api/admin/partners/" + other.id() + "/zones",
                Map.of("provinces", List.of(zone.province())));
        Opportunity second = data.opportunityAt(zone.postalCode(2), zone.province());
        assertThat(assignedInstaller(second)).isEqualTo(other.id());
        // History stays: the first opportunity is still the deactivated partner's.
        assertThat(opportunities.find(PartnerScope.everything(), first.id()).orElseThrow().installerId())
                .isEqualTo(partnerId);

        // The password was accepted (and remembered by the credential cache) before: it must not let them in now.
        assertThat(call(partnerUser, partnerUser, HttpMethod.GET, "/api/opportunities?size=1", null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(bearer(token).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        call(admin, admin, HttpMethod.POST, "/api/admin/partners/" + partnerId + "/reactivate", null);
        assertThat(call(partnerUser, partnerUser, HttpMethod.GET, "/api/opportunities?size=1", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPasswordResetRetiresTheOldPasswordAndTheTemporaryOneOnlyLetsTheUserChooseANewOne() throws Exception {
        String admin = admin();
        Company company = data.partner(CompanyKind.SELLER);
        String user = data.fastLogin(data.partnerUser(company));
        long userId = users.findByUsername(user).orElseThrow().id();

        ResponseEntity<String> reset = call(admin, admin, HttpMethod.POST,
                "/api/admin/users/" + userId + "/password-reset", null);
        assertThat(reset.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode answer = json.readTree(reset.getBody());
        String temporary = answer.get("temporaryPassword").asText();
        assertThat(temporary).hasSize(14);
        assertThat(answer.get("user").get("passwordChangeRequired").asBoolean()).isTrue();
        assertThat(reset.getBody()).doesNotContain("$2a$").doesNotContain("passwordHash");

        assertThat(call(user, user, HttpMethod.GET, "/api/opportunities?size=1", null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> withTemporary = call(user, temporary, HttpMethod.GET, "/api/opportunities?size=1",
                null);
        assertThat(withTemporary.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(withTemporary.getBody()).contains("choose a new one");

        SystemAuthentication.runAs(users.loadUserByUsername(user), () -> {
            userAdmin.chooseOwnPassword("a-new-long-secret", "a-new-long-secret");
            return null;
        });
        assertThat(call(user, "a-new-long-secret", HttpMethod.GET, "/api/opportunities?size=1", null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(call(user, temporary, HttpMethod.GET, "/api/opportunities?size=1", null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(auditRows("USER", user)).containsExactly("UPDATED", "UPDATED");
        assertThat(jdbc.sql("select after::text from audit_entry where area = 'USER' and subject = ? order by id")
                .param(user).query(String.class).list()).noneMatch(after -> after.contains(temporary)
                || after.contains("a-new-long-secret"));
    }

    @Test
    void anAdminSeesASignInLockAndLiftsIt() throws Exception {
        String admin = admin();
        String user = data.fastLogin(data.partnerUser(data.partner(CompanyKind.INSTALLER)));
        long userId = users.findByUsername(user).orElseThrow().id();
        for (int attempt = 0; attempt < 5; attempt++) {
            callFrom(newAddress(), user, "wrong", HttpMethod.GET, "/api/opportunities?size=1", null);
        }
        JsonNode locked = json.readTree(call(admin, admin, HttpMethod.GET, "/api/admin/users/" + userId, null)
                .getBody());
        assertThat(locked.get("locked").asBoolean()).isTrue();
        assertThat(locked.get("lockedForSeconds").asLong()).isPositive();
        assertThat(callFrom(newAddress(), user, user, HttpMethod.GET, "/api/opportunities?size=1", null)
                .getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        JsonNode unlocked = json.readTree(call(admin, admin, HttpMethod.POST, "/api/admin/users/" + userId + "/unlock",
                null).getBody());

        assertThat(unlocked.get("locked").asBoolean()).isFalse();
        assertThat(callFrom(newAddress(), user, user, HttpMethod.GET, "/api/opportunities?size=1", null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(auditRows("USER", user)).containsExactly("UPDATED");
    }

    @Test
    void partnersAndInternalUsersAreRefusedTheAdminApi() {
        String partner = data.fastLogin(data.partnerUser(data.partner(CompanyKind.INSTALLER)));
        String internal = data.fastLogin(data.internalUser());
        for (String user : List.of(partner, internal)) {
            assertThat(call(user, user, HttpMethod.GET, "/api/admin/partners", null).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(call(user, user, HttpMethod.POST, "/api/admin/partners", Map.of("name", "x", "kind",
                    "SELLER")).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(call(user, user, HttpMethod.GET, "/api/admin/users", null).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void badInputIsA400NamingTheFieldAndChangesNothing() throws Exception {
        String admin = admin();
        String name = data.unique("Rifiutata");
        assertField(call(admin, admin, HttpMethod.POST, "/api/admin/partners", Map.of("name", name,
                "kind", "INSTALLER", "provinces", List.of("XX"))), "provinces");
        assertField(call(admin, admin, HttpMethod.POST, "/api/admin/partners", Map.of("name", name,
                "kind", "INSTALLER", "postalCodePrefixes", List.of("20a"))), "postalCodePrefixes");
        assertField(call(admin, admin, HttpMethod.POST, "/api/admin/partners", Map.of("name", "x".repeat(1 << 20),
                "kind", "INSTALLER")), "name");
        assertField(call(admin, admin, HttpMethod.POST, "/api/admin/partners", Map.of("name", "nul\0byte",
                "kind", "INSTALLER")), "name");
        assertField(call(admin, admin, HttpMethod.POST, "/api/admin/partners", Map.of("name", name,
                "kind", "PLATFORM")), "kind");
        assertThat(call(admin, admin, HttpMethod.POST, "/api/admin/partners", Map.of("name", name,
                "kind", "PLUMBER")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(call(admin, admin, HttpMethod.POST, "/api/admin/partners", Map.of("name", List.of(1, 2),
                "kind", "SELLER")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(call(admin, admin, HttpMethod.GET, "/api/admin/partners/987654321", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(admin, admin, HttpMethod.PUT, "/api/admin/users/abc", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.sql("select count(*) from company where name = ?").param(name).query(Long.class).single())
                .isZero();

        long platform = users.loadUserByUsername(admin).companyId();
        String username = data.unique("nuovo");
        assertField(call(admin, admin, HttpMethod.POST, "/api/admin/users", Map.of("username", username,
                "displayName", "Nuovo", "roles", List.of("PARTNER"), "companyId", platform)), "companyId");
        assertField(call(admin, admin, HttpMethod.POST, "/api/admin/users", Map.of("username", username,
                "displayName", "Nuovo", "roles", List.of("PARTNER", "ADMIN"), "companyId", platform)), "roles");
        assertField(call(admin, admin, HttpMethod.POST, "/api/admin/users", Map.of("username", "a b",
                "displayName", "Nuovo", "roles", List.of("INTERNAL"), "companyId", platform)), "username");
        assertField(call(admin, admin, HttpMethod.POST, "/api/admin/users", Map.of("username", username,
                "displayName", "Nuovo", "email", "not-an-address", "roles", List.of("INTERNAL"),
                "companyId", platform)), "email");
        assertThat(users.exists(username)).isFalse();
        assertThat(auditRows("PARTNER", name)).isEmpty();
    }

    @Test
    void aUserCreatedThroughTheApiSignsInWithTheTemporaryPasswordOnlyToChooseTheirOwn() throws Exception {
        String admin = admin();
        long platform = users.loadUserByUsername(admin).companyId();
        String username = data.unique("nuova");
        ResponseEntity<String> created = call(admin, admin, HttpMethod.POST, "/api/admin/users", Map.of(
                "username", username, "displayName", "Nuova Interna", "email", username + "@platform.test",
                "roles", List.of("INTERNAL"), "companyId", platform));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode answer = json.readTree(created.getBody());
        long id = answer.get("user").get("id").asLong();
        assertThat(answer.get("user").get("roles").get(0).asText()).isEqualTo("INTERNAL");
        assertThat(call(username, answer.get("temporaryPassword").asText(), HttpMethod.GET,
                "/api/opportunities?size=1", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> edited = call(admin, admin, HttpMethod.PUT, "/api/admin/users/" + id, Map.of(
                "displayName", "Nuova Designer", "roles", List.of("DESIGNER"), "companyId", platform,
                "enabled", false));
        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(edited.getBody()).get("enabled").asBoolean()).isFalse();
        assertThat(auditRows("USER", username)).containsExactly("CREATED", "UPDATED");
        assertThat(jdbc.sql("select before ->> 'displayName', after ->> 'displayName', after ->> 'roles' "
                        + "from audit_entry where subject = ? and change = 'UPDATED'").param(username)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).single())
                .isEqualTo("Nuova Interna|Nuova Designer|[\"DESIGNER\"]");
        assertThat(call(admin, admin, HttpMethod.GET, "/api/admin/users?search=" + username, null).getBody())
                .contains(username).doesNotContain("password_hash").doesNotContain("$2a$");
    }

    private String admin() {
        data.admin();
        return "test-admin";
    }

    private long assignedInstaller(Opportunity opportunity) {
        String processInstance = data.startAssignmentTestFlow(opportunity, "INSTALLER");
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .untilAsserted(() -> flow.closeSubstate(processInstance, "TestQualified"));
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> opportunities.find(PartnerScope.everything(), opportunity.id()).orElseThrow()
                        .installerId(), installer -> installer != null);
    }

    private List<String> auditRows(String area, String subject) {
        return jdbc.sql("select change from audit_entry where area = ? and subject = ? order by id")
                .params(area, subject).query(String.class).list();
    }

    private void assertField(ResponseEntity<String> response, String field) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("fields").get(0).asText()).isEqualTo(field);
    }

    private ResponseEntity<String> call(String user, String password, HttpMethod method, String path, Object body) {
        return callFrom(null, user, password, method, path, body);
    }

    private ResponseEntity<String> callFrom(String address, String user, String password, HttpMethod method,
                                            String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (address != null) {
            headers.set("X-Forwarded-For", address);
        }
        return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return rest.exchange("/api/opportunities?size=1", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** Failed sign-ins come from addresses of their own (the test profile trusts X-Forwarded-For): nobody else's. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "192.0.2." + (n % 250 + 1);
    }
}

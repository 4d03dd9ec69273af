package com.flowstate.action.assignment;

import static com.flowstate.support.AssignmentHistoryRows.awaitTestFlowRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.history.ActionStatus;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.UserService;
import com.flowstate.support.AssignmentZones;
import com.flowstate.support.AssignmentZones.Zone;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** GET /api/history/assignments and the answers to an offer, over HTTP, each caller within their partner scope. */
@IntegrationTest
class AssignmentHistoryApiIT {

    @Autowired TestData data;
    @Autowired TestRestTemplate rest;
    @Autowired AssignmentHistoryQuery history;
    @Autowired AssignmentService assignments;
    @Autowired UserService users;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void filtersByAssignedCompanyOpportunityAndStatusAndEachPartnerSeesItsOwnOffersOnly() throws Exception {
        Zone zone = AssignmentZones.next();
        Company first = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        Company second = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        data.opportunity(second, null); // second is busier: first gets the opportunities
        String firstUser = data.partnerUser(first);
        String secondUser = data.partnerUser(second);
        String internal = data.internalUser();
        Opportunity rejected = data.assignInstaller(zone.postalCode(1), zone.province());
        long rejectedRow = awaitTestFlowRow(history, rejected.id(), r -> r.action().state() == ActionStatus.SUCCEEDED).action().id();
        assignments.reject(users.loadUserByUsername(firstUser), rejectedRow, "Too far");
        Opportunity pending = data.assignInstaller(zone.postalCode(2), zone.province());
        long pendingRow = awaitTestFlowRow(history, pending.id(), r -> r.action().state() == ActionStatus.SUCCEEDED).action().id();
        Zone nowhere = AssignmentZones.next();
        Opportunity uncovered = data.assignInstaller(nowhere.postalCode(1), nowhere.province());
        awaitTestFlowRow(history, uncovered.id(), r -> r.action().state() == ActionStatus.FAILED);

        JsonNode byCompany = get(internal, "assignedCompany", first.name().toUpperCase());
        assertThat(opportunityNames(byCompany)).containsExactly(pending.name(), rejected.name());
        JsonNode rejectedByFirst = get(internal, "assignedCompany", first.name(), "status", "REJECTED");
        assertThat(rejectedByFirst.path("items")).hasSize(1);
        JsonNode row = rejectedByFirst.path("items").get(0);
        assertThat(row.path("id").asLong()).isEqualTo(rejectedRow);
        assertThat(row.path("assignmentStatus").asText()).isEqualTo("REJECTED");
        assertThat(row.path("status").asBoolean()).isTrue();
        assertThat(row.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(row.path("role").asText()).isEqualTo("INSTALLER");
        assertThat(row.path("rejectionReason").asText()).isEqualTo("Too far");
        assertThat(row.path("criterion").path("summary").asText())
                .isEqualTo("province " + zone.province() + "; least loaded (0 open) of 2");
        assertThat(get(internal, "opportunity", pending.name(), "role", "INSTALLER").path("items")).hasSize(1);
        assertThat(get(internal, "assignedCompany", first.name(), "role", "SELLER").path("items")).isEmpty();
        assertThat(get(internal, "assignedCompany", first.name() + " no such company").path("items"))
                .as("a company name no company has").isEmpty();
        assertThat(get(internal, "assignedCompany", "%").path("items"))
                .as("a wildcard is a literal character, not every company").isEmpty();
        assertThat(get(secondUser, "assignedCompany", first.name().substring(2)).path("items"))
                .as("the company filter stays within the partner's scope").isEmpty();
        JsonNode notCompleted = get(internal, "opportunity", uncovered.name(), "status", "false", "role", "INSTALLER");
        assertThat(notCompleted.path("items")).hasSize(1);
        assertThat(notCompleted.path("items").get(0).path("lastError").asText()).startsWith("No candidate:");
        assertThat(notCompleted.path("items").get(0).path("status").asBoolean(true)).isFalse();

        // The first company: its offers, including the one it rejected, not the offer that followed it. (Its
        // opportunity's own flow may have tried to assign a seller too: those rows are the SELLER role's.)
        JsonNode seenByFirst = get(firstUser, "role", "INSTALLER");
        assertThat(ids(seenByFirst)).containsExactlyInAnyOrder(rejectedRow, pendingRow);
        // The second company: the offer it got after the rejection, without the rejection or who made it.
        JsonNode seenBySecond = get(secondUser, "role", "INSTALLER");
        assertThat(seenBySecond.path("items")).hasSize(1);
        JsonNode followUp = seenBySecond.path("items").get(0);
        assertThat(followUp.path("opportunityName").asText()).isEqualTo(rejected.name());
        assertThat(followUp.path("replacesId").asLong()).isEqualTo(rejectedRow);
        assertThat(followUp.path("replacedCompany").isNull()).isTrue();
        assertThat(get(internal, "opportunity", rejected.name(), "role", "INSTALLER", "status", "PENDING")
                .path("items").get(0).path("replacedCompany").asText())
                .isEqualTo(first.name());

        // A partner's rows come from two alternatives (offers made to it; rows of its own opportunities), each paged
        // from its own index: one row at a time, the pages give the same rows in the same order as one big page.
        for (String partner : List.of(firstUser, secondUser)) {
            List<Long> all = ids(get(partner, "size", "100"));
            List<Long> walked = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = cursor == null ? get(partner, "size", "1") : get(partner, "size", "1", "cursor", cursor);
                walked.addAll(ids(page));
                cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            } while (cursor != null);
            assertThat(walked).isNotEmpty().doesNotHaveDuplicates().isEqualTo(all);
        }
    }

    @Test
    void pagesWithTheReturnedCursor() throws Exception {
        Zone zone = AssignmentZones.next();
        Company installer = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        String internal = data.internalUser();
        Opportunity one = data.assignInstaller(zone.postalCode(1), zone.province());
        awaitTestFlowRow(history, one.id(), r -> r.action().state() == ActionStatus.SUCCEEDED);
        Opportunity two = data.assignInstaller(zone.postalCode(2), zone.province());
        awaitTestFlowRow(history, two.id(), r -> r.action().state() == ActionStatus.SUCCEEDED);

        JsonNode first = get(internal, "assignedCompany", installer.name(), "sort", "opportunity,asc", "size", "1");
        JsonNode second = get(internal, "assignedCompany", installer.name(), "sort", "opportunity,asc", "size", "1",
                "cursor", first.path("nextCursor").asText());

        assertThat(opportunityNames(first)).hasSize(1);
        assertThat(opportunityNames(second)).hasSize(1);
        assertThat(List.of(opportunityNames(first).get(0), opportunityNames(second).get(0)))
                .containsExactly(List.of(one.name(), two.name()).stream().sorted().toArray(String[]::new));
        assertThat(second.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void onlyUsersOfTheAssignedCompanyAnswerAndAnAnswerIsFinal() throws Exception {
        Zone zone = AssignmentZones.next();
        Company installer = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        Company stranger = data.partner(CompanyKind.INSTALLER);
        Opportunity opportunity = data.assignInstaller(zone.postalCode(1), zone.province());
        long id = awaitTestFlowRow(history, opportunity.id(), r -> r.action().state() == ActionStatus.SUCCEEDED).action().id();
        String user = data.partnerUser(installer);

        assertThat(post(data.partnerUser(stranger), id, "accept", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(data.internalUser(), id, "accept", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> accepted = post(user, id, "accept", null);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(accepted.getBody()).path("status").asText()).isEqualTo("ACCEPTED");
        ResponseEntity<String> lateRejection = post(user, id, "reject", "{\"reason\":\"changed our mind\"}");
        assertThat(lateRejection.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(lateRejection.getBody()).contains("accepted, not pending");
    }

    @Test
    void aRejectionOverHttpKeepsItsReasonAndAnUnknownStatusFilterIsABadRequest() throws Exception {
        Zone zone = AssignmentZones.next();
        Company installer = data.partnerCovering(CompanyKind.INSTALLER, zone.province());
        Opportunity opportunity = data.assignInstaller(zone.postalCode(1), zone.province());
        long id = awaitTestFlowRow(history, opportunity.id(), r -> r.action().state() == ActionStatus.SUCCEEDED).action().id();
        String user = data.partnerUser(installer);

        ResponseEntity<String> rejected = post(user, id, "reject", "{\"reason\":\"No crew available\"}");

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(rejected.getBody());
        assertThat(body.path("status").asText()).isEqualTo("REJECTED");
        assertThat(body.path("rejectionReason").asText()).isEqualTo("No crew available");
        JsonNode own = get(user, "status", "REJECTED", "role", "INSTALLER");
        assertThat(ids(own)).containsExactly(id);
        assertThat(rest.withBasicAuth(user, user).getForEntity("/api/history/assignments?status=MAYBE", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }



    private JsonNode get(String user, String... params) throws Exception {
        var uri = UriComponentsBuilder.fromPath("/api/history/assignments");
        for (int i = 0; i < params.length; i += 2) {
            uri.queryParam(params[i], params[i + 1]);
        }
        ResponseEntity<String> response = rest.withBasicAuth(user, user)
                .getForEntity(uri.encode().build().toUri(), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> post(String user, long id, String answer, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).postForEntity("/api/assignments/" + id + "/" + answer,
                new HttpEntity<>(body, headers), String.class);
    }

    private static List<String> opportunityNames(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .map(item -> item.path("opportunityName").asText()).toList();
    }

    private static List<Long> ids(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .map(item -> item.path("id").asLong()).toList();
    }
}

package com.flowstate.action.assignment;

import static com.flowstate.support.AssignmentHistoryRows.awaitTestFlowRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.action.assignment.AssignmentCandidate.Outcome;
import com.flowstate.flow.FlowService;
import com.flowstate.history.ActionStatus;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.partner.PartnerZoneService;
import com.flowstate.security.SystemAuthentication;
import com.flowstate.support.AssignmentZones;
import com.flowstate.support.AssignmentZones.Zone;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * The assignment rules an admin sets (strategy, capacity, fixed priority) decide the real assignments and the
 * simulator's answer alike; the simulator changes nothing; bad input is a 400 naming the field; every change is
 * audited. Installer role only: the opportunities' own flow assigns sellers on opening, installers only later.
 */
@IntegrationTest
class AssignmentRulesIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired TestData data;
    @Autowired PartnerZoneService zones;
    @Autowired AssignmentRuleService rules;
    @Autowired AssignmentHistoryQuery history;
    @Autowired FlowService flow;
    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;

    /** The other tests expect today's behaviour: least loaded, no settings. */
    @AfterEach
    void restoreTheInstallerRule() {
        setRule("LEAST_LOADED", List.of(), List.of());
    }

    @Test
    void leastLoadedPicksThePartnerWithTheFewestOpenOpportunities() {
        Zone zone = AssignmentZones.next();
        Company busy = installerCovering(zone.province());
        Company idle = installerCovering(zone.province());
        awaitOpenSubstate(data.opportunity(busy, null));
        setRule("least_loaded", List.of(), List.of());

        AssignmentSimulation answer = simulate(zone);

        assertThat(answer.strategy()).isEqualTo(AssignmentStrategy.LEAST_LOADED);
        assertThat(answer.chosenCompanyName()).isEqualTo(idle.name());
        assertThat(answer.criterion().summary()).isEqualTo("province " + zone.province()
                + "; least loaded (0 open) of 2");
        assertThat(answer.candidates()).extracting(AssignmentCandidate::companyName, AssignmentCandidate::outcome,
                        AssignmentCandidate::openOpportunities)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(idle.name(), Outcome.CHOSEN, 0),
                        org.assertj.core.groups.Tuple.tuple(busy.name(), Outcome.RANKED_LOWER, 1));
    }

    @Test
    void roundRobinTakesTurnsWhateverTheLoadAndTheHistoryRowSaysSo() {
        Zone zone = AssignmentZones.next();
        Company first = installerCovering(zone.province());
        Company second = installerCovering(zone.province());
        awaitOpenSubstate(data.opportunity(first, null));
        awaitOpenSubstate(data.opportunity(first, null));
        setRule("ROUND_ROBIN", List.of(), List.of());

        Opportunity one = data.opportunityAt(zone.postalCode(1), zone.province());
        assign(one);
        AssignmentHistoryRow firstOffer = awaitAssigned(one);
        assertThat(firstOffer.assignedCompany()).as("never offered, lowest id, although busier")
                .isEqualTo(first.name());
        assertThat(firstOffer.criterion().strategy()).isEqualTo(AssignmentStrategy.ROUND_ROBIN);
        assertThat(firstOffer.criterion().summary()).isEqualTo("province " + zone.province()
                + "; round-robin (2 open) of 2");
        assertThat(simulate(zone).chosenCompanyName()).isEqualTo(second.name());

        Opportunity two = data.opportunityAt(zone.postalCode(2), zone.province());
        assign(two);
        assertThat(awaitAssigned(two).assignedCompany()).isEqualTo(second.name());
        assertThat(simulate(zone).chosenCompanyName()).as("its turn again").isEqualTo(first.name());
    }

    @Test
    void fixedPriorityPicksTheFirstRankedPartnerEvenWhenItIsBusier() {
        Zone zone = AssignmentZones.next();
        Company idle = installerCovering(zone.province());
        Company preferred = installerCovering(zone.province());
        Company unranked = installerCovering(zone.province());
        awaitOpenSubstate(data.opportunity(preferred, null));
        setRule("FIXED_PRIORITY", List.of(preferred.id(), idle.id()), List.of());

        AssignmentSimulation answer = simulate(zone);

        assertThat(answer.chosenCompanyName()).isEqualTo(preferred.name());
        assertThat(answer.criterion().summary()).isEqualTo("province " + zone.province()
                + "; fixed priority (1 open) of 3");
        assertThat(answer.candidates()).extracting(AssignmentCandidate::companyName)
                .containsExactly(preferred.name(), idle.name(), unranked.name());
        assertThat(answer.candidates()).extracting(AssignmentCandidate::priority).containsExactly(1, 2, null);
    }

    @Test
    void aPartnerAtCapacityIsSkippedAndWhenNoneIsLeftTheAssignmentFindsNoPartner() {
        Zone zone = AssignmentZones.next();
        Company full = installerCovering(zone.province());
        Company free = installerCovering(zone.province());
        awaitOpenSubstate(data.opportunity(full, null));
        setRule("FIXED_PRIORITY", List.of(full.id(), free.id()), List.of(capacity(full, 1)));

        AssignmentSimulation answer = simulate(zone);
        assertThat(answer.chosenCompanyName()).isEqualTo(free.name());
        assertThat(answer.candidates()).filteredOn(c -> c.companyId() == full.id()).singleElement()
                .satisfies(c -> {
                    assertThat(c.outcome()).isEqualTo(Outcome.AT_CAPACITY);
                    assertThat(c.capacity()).isEqualTo(1);
                });

        setRule("FIXED_PRIORITY", List.of(full.id(), free.id()), List.of(capacity(full, 1), capacity(free, 0)));
        assertThat(simulate(zone).noCandidate().code()).isEqualTo("assignment.noInstallerWithCapacity");
        Opportunity opportunity = data.opportunityAt(zone.postalCode(1), zone.province());
        assign(opportunity);

        AssignmentHistoryRow row = awaitTestFlowRow(history, opportunity.id(),
                r -> r.action().state() == ActionStatus.FAILED);
        assertThat(row.assignedCompany()).isNull();
        assertThat(row.action().lastError()).isEqualTo("No candidate: every installer covering postal code "
                + zone.postalCode(1) + " or province " + zone.province() + " is at capacity");
    }

    @Test
    void theSimulatorAssignsNothingChangesNoLoadAndWritesNoRow() {
        Zone zone = AssignmentZones.next();
        Company installer = installerCovering(zone.province());
        long rows = count("select count(*) from assignment_history");
        long audits = count("select count(*) from audit_entry");
        long offersToIt = count("select count(*) from assignment_history where assigned_company_id = "
                + installer.id());

        ResponseEntity<Map<String, Object>> answer = asAdmin(HttpMethod.POST, "/api/admin/assignment-rules/simulate",
                Map.of("role", "installer", "postalCode", zone.postalCode(1), "province", zone.province()));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("chosenCompanyName", installer.name())
                .containsEntry("strategy", "LEAST_LOADED");
        assertThat(count("select count(*) from assignment_history")).isEqualTo(rows);
        assertThat(count("select count(*) from audit_entry")).isEqualTo(audits);
        assertThat(count("select count(*) from assignment_history where assigned_company_id = " + installer.id()))
                .isEqualTo(offersToIt).isZero();
        assertThat(count("select count(*) from opportunity where installer_id = " + installer.id())).isZero();
        assertThat(simulate(zone).candidates()).singleElement()
                .satisfies(c -> assertThat(c.openOpportunities()).isZero());
    }

    @Test
    void badInputIsA400NamingTheFieldAndNeverA500() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        String path = "/api/admin/assignment-rules/INSTALLER";

        assertField(asAdmin(HttpMethod.PUT, path, Map.of("strategy", "SOMETIMES")), "strategy");
        ResponseEntity<Map<String, Object>> huge = asAdmin(HttpMethod.PUT, path, Map.of("strategy", "x".repeat(1 << 20)));
        assertField(huge, "strategy");
        assertThat(String.valueOf(huge.getBody().get("detail"))).hasSizeLessThan(300);
        assertField(asAdmin(HttpMethod.PUT, path, Map.of("strategy", "FIXED_PRIORITY")), "priority");
        assertField(asAdmin(HttpMethod.PUT, path, Map.of("strategy", "FIXED_PRIORITY",
                "priority", List.of(Long.MAX_VALUE))), "priority");
        assertField(asAdmin(HttpMethod.PUT, path, Map.of("strategy", "LEAST_LOADED",
                "capacities", List.of(Map.of("companyId", installer.id(), "capacity", -1)))), "capacities");
        assertField(asAdmin(HttpMethod.PUT, path, Map.of("strategy", "LEAST_LOADED",
                "capacities", List.of(Map.of("companyId", installer.id(), "capacity", "many")))),
                "capacities.[0].capacity");
        assertThat(asAdmin(HttpMethod.PUT, path, Map.of("strategy", "LEAST\u0000LOADED")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(asAdmin(HttpMethod.PUT, "/api/admin/assignment-rules/PLUMBER", Map.of("strategy", "ROUND_ROBIN"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        String simulate = "/api/admin/assignment-rules/simulate";
        assertField(asAdmin(HttpMethod.POST, simulate, Map.of("role", "PLUMBER", "province", "MI")), "role");
        assertField(asAdmin(HttpMethod.POST, simulate, Map.of("role", "INSTALLER", "postalCode", "12")),
                "postalCode");
        assertField(asAdmin(HttpMethod.POST, simulate, Map.of("role", "INSTALLER")), "postalCode");
        assertField(asAdmin(HttpMethod.POST, simulate, Map.of("role", "INSTALLER", "province", "ZZ")), "province");
        assertThat(SystemAuthentication.runAs(data.admin(), () -> rules.rule(PartnerRole.INSTALLER).strategy()))
                .as("nothing saved")
                .isEqualTo(AssignmentStrategy.LEAST_LOADED);

        String partner = data.partnerUser(installer);
        assertThat(rest.withBasicAuth(partner, partner).getForEntity("/api/admin/assignment-rules", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void everyRuleChangeLeavesOneAuditRowWithBeforeAndAfter() {
        Company installer = data.partner(CompanyKind.INSTALLER);
        long before = count("select count(*) from audit_entry where area = 'ASSIGNMENT_RULE'");

        ResponseEntity<Map<String, Object>> saved = asAdmin(HttpMethod.PUT, "/api/admin/assignment-rules/installer",
                Map.of("strategy", "round_robin", "capacities",
                        List.of(Map.of("companyId", installer.id(), "capacity", 4))));

        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody()).containsEntry("strategy", "ROUND_ROBIN");
        assertThat(count("select count(*) from audit_entry where area = 'ASSIGNMENT_RULE'")).isEqualTo(before + 1);
        Map<String, Object> entry = jdbc.sql("""
                        select actor, subject, change, before::text before, after::text after from audit_entry
                        where area = 'ASSIGNMENT_RULE' order by id desc limit 1""")
                .query().singleRow();
        assertThat(entry).containsEntry("actor", data.admin().getUsername()).containsEntry("subject", "INSTALLER")
                .containsEntry("change", "UPDATED");
        assertThat((String) entry.get("before")).contains("\"strategy\": \"LEAST_LOADED\"");
        assertThat((String) entry.get("after")).contains("\"strategy\": \"ROUND_ROBIN\"")
                .contains("\"" + installer.name() + "\": 4");
    }

    private void setRule(String strategy, List<Long> priority, List<AssignmentRuleChange.Capacity> capacities) {
        SystemAuthentication.runAs(data.admin(), () -> rules.update(PartnerRole.INSTALLER,
                new AssignmentRuleChange(strategy, priority, capacities)));
    }

    private static AssignmentRuleChange.Capacity capacity(Company company, int capacity) {
        return new AssignmentRuleChange.Capacity(company.id(), capacity);
    }

    private AssignmentSimulation simulate(Zone zone) {
        return SystemAuthentication.runAs(data.admin(),
                () -> rules.simulate("INSTALLER", zone.postalCode(1), zone.province()));
    }

    /** Its load counts an opportunity once a substate is open, which its flow does on the job executor. */
    private void awaitOpenSubstate(Opportunity opportunity) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from opportunity_substate where closed_at is null and opportunity_id = "
                        + opportunity.id()) > 0);
    }

    private Company installerCovering(String province) {
        Company company = data.partner(CompanyKind.INSTALLER);
        SystemAuthentication.runAs(data.admin(), () -> zones.addProvince(company.id(), province));
        return company;
    }

    /** Runs the test flow's assignment through a real substate change: closing TestQualified opens TestSurvey. */
    private void assign(Opportunity opportunity) {
        String processInstance = data.startAssignmentTestFlow(opportunity, "INSTALLER");
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .untilAsserted(() -> flow.closeSubstate(processInstance, "TestQualified"));
    }

    private AssignmentHistoryRow awaitAssigned(Opportunity opportunity) {
        return awaitTestFlowRow(history, opportunity.id(), r -> r.action().state() == ActionStatus.SUCCEEDED);
    }

    private ResponseEntity<Map<String, Object>> asAdmin(HttpMethod method, String path, Object body) {
        String admin = data.admin().getUsername();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(admin, admin).exchange(path, method, new HttpEntity<>(body, headers), JSON);
    }

    private static void assertField(ResponseEntity<Map<String, Object>> response, String field) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsEntry("fields", Collections.singletonList(field));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}

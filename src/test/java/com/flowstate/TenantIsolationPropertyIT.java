package com.flowstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.action.activity.Activity;
import com.flowstate.action.activity.ActivityService;
import com.flowstate.action.assignment.AssignmentHistoryQuery;
import com.flowstate.action.assignment.AssignmentHistoryRow;
import com.flowstate.action.export.ExportFiles;
import com.flowstate.action.export.ExportHistoryQuery;
import com.flowstate.action.report.ReportHistoryQuery;
import com.flowstate.history.ActionHistoryRow;
import com.flowstate.history.HistoryQuery;
import com.flowstate.history.HistorySort;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityFilter;
import com.flowstate.opportunity.OpportunityNotFoundException;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.FlowstateUser;
import com.flowstate.security.PartnerScope;
import com.flowstate.security.UserService;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * Fault suite item 5, tenant isolation as a property: random partner companies (installers and sellers) with a user
 * each, random opportunities assigned to them and reassigned between rounds, history rows of every action for them
 * (written with SQL: the property is about the read side), and for every partner user, every round: every history
 * query (the very calls the UI tabs make, found as beans, so a new tab is covered) and every history endpoint (found
 * in /v3/api-docs), the opportunity list, get and substates, the activities, export files and report documents. Each
 * answer may hold only rows of opportunities assigned to the user's company now, with the two documented exceptions:
 * a scheduled Exports row (no opportunity) belongs to the company it was made for ({@code scope_company_id}, as does
 * an export file, checked through the export files below), and an Assignment row also to the
 * company it was offered to (DESIGN.md, the queries' comments). One call verified is one check; the test fails on any
 * leak and on fewer checks than asked.
 *
 * <p>{@code -Disolation.seed=N} repeats a run (the seed is printed); {@code -Disolation.checks=N} sizes it (default
 * 10,000, a few seconds). The companies are new and cover no zone, so no other test's opportunity can be theirs: a row
 * of an opportunity this test did not make is a leak too.
 */
@IntegrationTest
class TenantIsolationPropertyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MINIMUM_CHECKS = Integer.getInteger("isolation.checks", 10_000);
    private static final long SEED = Long.getLong("isolation.seed", System.nanoTime());

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @Autowired UserService users;
    @Autowired OpportunityService opportunities;
    @Autowired ActivityService activities;
    @Autowired ExportFiles exportFiles;
    @Autowired ReportHistoryQuery reports;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(SEED);
    private final List<Partner> partners = new ArrayList<>();
    /** Opportunity id → its installer and seller now. */
    private final Map<Long, long[]> assigned = new HashMap<>();
    private final List<Long> opportunityIds = new ArrayList<>();
    /** Export row id → the company it was made for (0: the platform). */
    private final Map<Long, Long> exportScopes = new HashMap<>();
    /** Assignment row id → {opportunity, offered company, rejected 1/0}. */
    private final Map<Long, long[]> offers = new HashMap<>();
    /** Activity id → {opportunity, assignee company}. */
    private final Map<Long, long[]> workItems = new HashMap<>();
    private final List<Long> reportRowsWithDocument = new ArrayList<>();
    private final List<String> leaks = new ArrayList<>();
    private int checks;
    private int rowsSeen;
    private int keys;

    private record Partner(Company company, String username, FlowstateUser user) {

        PartnerScope scope() {
            return PartnerScope.company(company.id());
        }
    }

    @Test
    void aPartnerUserSeesOnlyRowsOfOpportunitiesAssignedToItsCompany() throws Exception {
        System.out.printf("Tenant isolation: seed %d (-Disolation.seed=%d repeats it), at least %d checks%n", SEED,
                SEED, MINIMUM_CHECKS);
        makePartners();
        makeOpportunities(24);
        List<String> historyEndpoints = historyEndpoints();
        List<HistoryQuery<?, ?>> queries = historyQueries();
        assertThat(historyEndpoints).as("history endpoints in /v3/api-docs").hasSizeGreaterThanOrEqualTo(7);
        assertThat(queries).as("history query beans").hasSizeGreaterThanOrEqualTo(7);

        int round = 0;
        while (checks < MINIMUM_CHECKS) {
            writeHistory(6);
            for (Partner partner : partners) {
                checkQueries(partner, queries);
                checkOpportunities(partner);
                checkDownloads(partner);
                if (round % 3 == partners.indexOf(partner) % 3) {
                    checkEndpoints(partner, historyEndpoints);
                }
            }
            reassign();
            round++;
        }

        System.out.printf("Tenant isolation: seed %d, %d rounds, %d checks, %d rows seen, %d leaks%n", SEED, round,
                checks, rowsSeen, leaks.size());
        assertThat(leaks).as("rows or documents a partner saw that are not its company's (seed " + SEED + ")")
                .isEmpty();
        assertThat(checks).isGreaterThanOrEqualTo(MINIMUM_CHECKS);
        assertThat(rowsSeen).as("rows the partners saw: a scope that hides everything proves nothing")
                .isGreaterThan(checks / 4);
    }

    // --- the world -------------------------------------------------------------------------------------------------

    private void makePartners() {
        for (int i = 0; i < 7; i++) {
            Company company = data.partner(i < 4 ? CompanyKind.INSTALLER : CompanyKind.SELLER);
            String username = data.fastLogin(data.partnerUser(company));
            partners.add(new Partner(company, username, users.loadUserByUsername(username)));
        }
    }

    private List<Partner> ofKind(CompanyKind kind) {
        return partners.stream().filter(partner -> partner.company().kind() == kind).toList();
    }

    /** An installer and a seller, either possibly none. */
    private long[] randomAssignment() {
        List<Partner> installers = ofKind(CompanyKind.INSTALLER);
        List<Partner> sellers = ofKind(CompanyKind.SELLER);
        long installer = random.nextInt(5) == 0 ? 0 : installers.get(random.nextInt(installers.size())).company().id();
        long seller = random.nextInt(3) == 0 ? 0 : sellers.get(random.nextInt(sellers.size())).company().id();
        return new long[] {installer, seller};
    }

    private void makeOpportunities(int count) {
        for (int i = 0; i < count; i++) {
            long customer = jdbc.sql("insert into customer (name) values (?) returning id")
                    .param(data.unique("Isolation")).query(Long.class).single();
            long[] partnersOf = randomAssignment();
            long id = jdbc.sql("""
                            insert into opportunity (name, customer_id, postal_code, province, installer_id, seller_id)
                            values (?, ?, '20121', 'MI', ?, ?) returning id""")
                    .params(data.unique("Isolation"), customer, nullable(partnersOf[0]), nullable(partnersOf[1]))
                    .query(Long.class).single();
            assigned.put(id, partnersOf);
            opportunityIds.add(id);
        }
    }

    /** Some opportunities change hands: another installer or seller, or none. */
    private void reassign() {
        for (Long id : opportunityIds) {
            if (random.nextInt(4) == 0) {
                long[] partnersOf = randomAssignment();
                jdbc.sql("update opportunity set installer_id = ?, seller_id = ? where id = ?")
                        .params(nullable(partnersOf[0]), nullable(partnersOf[1]), id).update();
                assigned.put(id, partnersOf);
            }
        }
    }

    /** Rows in every action's history table for random opportunities. */
    private void writeHistory(int perTable) {
        for (int i = 0; i < perTable; i++) {
            jdbc.sql("""
                    insert into email_history (execution_key, opportunity_id, process_instance_id, activity_id,
                                               template_name, smtp_credential_name, recipient_email, status)
                    values (?, ?, 'isolation', 'SendEmail', 'welcome', 'Platform SMTP', 'a@b.test', 'SUCCEEDED')""")
                    .params(key(), anyOpportunity()).update();
            jdbc.sql("""
                    insert into activity_history (execution_key, opportunity_id, process_instance_id, activity_id,
                                                  activity_type, subject, status)
                    values (?, ?, 'isolation', 'CreateActivity', 'CALL', 'Call', 'FAILED')""")
                    .params(key(), anyOpportunity()).update();
            jdbc.sql("""
                    insert into substate_change_history (execution_key, opportunity_id, process_instance_id,
                                                         trigger, change_type, target_substate_key, status)
                    values (?, ?, 'isolation', 'OPEN', 'CLOSE', 'NewContact', 'SUCCEEDED')""")
                    .params(key(), anyOpportunity()).update();
            jdbc.sql("""
                    insert into webhook_history (execution_key, opportunity_id, process_instance_id, activity_id, url,
                                                 status, response_code)
                    values (?, ?, 'isolation', 'CallWebhook', 'http://erp.test/hook', 'SUCCEEDED', 200)""")
                    .params(key(), anyOpportunity()).update();
            jdbc.sql("""
                    insert into noop_history (execution_key, opportunity_id, process_instance_id, activity_id, status)
                    values (?, ?, 'isolation', 'Noop', 'SUCCEEDED')""")
                    .params(key(), anyOpportunity()).update();
            writeReport();
            writeOffer();
            writeExport();
            writeWorkItem();
        }
    }

    private void writeReport() {
        String key = key();
        long row = jdbc.sql("""
                        insert into report_history (execution_key, opportunity_id, process_instance_id, activity_id,
                                                    template_name, smtp_credential_name, status)
                        values (?, ?, 'isolation', 'SendReport', 'offer', 'Platform SMTP', 'SUCCEEDED') returning id""")
                .params(key, anyOpportunity()).query(Long.class).single();
        if (random.nextBoolean()) {
            jdbc.sql("""
                    insert into report_document (execution_key, message_id, recipient_email, from_address, subject,
                                                 file_name, content)
                    values (?, ?, 'a@b.test', 'crm@test.example', 'Offer', 'offer.docx', ?)""")
                    .params(key, "<" + key + "@test>", new byte[] {1, 2, 3}).update();
            reportRowsWithDocument.add(row);
        }
    }

    /** An offer to a random company, for a random opportunity; sometimes already rejected. */
    private void writeOffer() {
        long opportunity = anyOpportunity();
        Partner offered = partners.get(random.nextInt(partners.size()));
        boolean rejected = random.nextInt(3) == 0;
        long row = jdbc.sql("""
                        insert into assignment_history (execution_key, opportunity_id, process_instance_id,
                                                        activity_id, role, assigned_company_id, assignment_status,
                                                        status)
                        values (?, ?, 'isolation', 'AssignInstaller', ?, ?, ?, 'SUCCEEDED') returning id""")
                .params(key(), opportunity, offered.company().kind().name(), offered.company().id(),
                        rejected ? "REJECTED" : random.nextBoolean() ? "PENDING" : "ACCEPTED")
                .query(Long.class).single();
        offers.put(row, new long[] {opportunity, offered.company().id(), rejected ? 1 : 0});
    }

    /** An export for a company or the platform, of an opportunity's flow or scheduled, with a file. */
    private void writeExport() {
        long scope = random.nextInt(4) == 0 ? 0 : partners.get(random.nextInt(partners.size())).company().id();
        Long opportunity = random.nextInt(4) == 0 ? null : anyOpportunity();
        long row = jdbc.sql("""
                        insert into export_history (execution_key, opportunity_id, process_instance_id, activity_id,
                                                    template_name, export_type, extension, scope_company_id, status)
                        values (?, ?, 'isolation', 'RunExport', 'opportunities', 'OPPORTUNITIES', 'CSV', ?,
                                'SUCCEEDED') returning id""")
                .params(key(), opportunity, nullable(scope)).query(Long.class).single();
        long file = jdbc.sql("""
                        insert into export_file (history_id, file_name, content_type, file_size, row_count)
                        values (?, 'export.csv', 'text/csv', 3, 1) returning id""")
                .param(row).query(Long.class).single();
        jdbc.sql("insert into export_file_chunk (file_id, seq, data) values (?, 0, ?)")
                .params(file, "a;b".getBytes(StandardCharsets.UTF_8)).update();
        exportScopes.put(row, scope);
    }

    /** A work item for a random partner company on a random opportunity. */
    private void writeWorkItem() {
        long opportunity = anyOpportunity();
        Partner assignee = partners.get(random.nextInt(partners.size()));
        long id = jdbc.sql("""
                        insert into activity (opportunity_id, type, subject, due_date, assignee_role,
                                              assignee_company_id)
                        values (?, 'CALL', 'Call the customer', current_date, ?, ?) returning id""")
                .params(opportunity, assignee.company().kind().name(), assignee.company().id())
                .query(Long.class).single();
        workItems.put(id, new long[] {opportunity, assignee.company().id()});
    }

    private long anyOpportunity() {
        return opportunityIds.get(random.nextInt(opportunityIds.size()));
    }

    private String key() {
        return "isolation-" + SEED + "-" + keys++;
    }

    private static Long nullable(long id) {
        return id == 0 ? null : id;
    }

    // --- the property ----------------------------------------------------------------------------------------------

    private boolean holds(long company, Long opportunityId) {
        long[] partnersOf = opportunityId == null ? null : assigned.get(opportunityId);
        return partnersOf != null && (partnersOf[0] == company || partnersOf[1] == company);
    }

    private boolean mayExport(long company, long rowId) {
        return Objects.equals(exportScopes.get(rowId), company);
    }

    private boolean mayOffer(long company, long rowId, Long opportunityId, Long offeredCompany, boolean rejected) {
        return Objects.equals(offeredCompany, company) || holds(company, opportunityId) && !rejected;
    }

    /** Every history query bean, as the UI tab calls it: the user's scope, no filter, then one opportunity's rows. */
    private void checkQueries(Partner partner, List<HistoryQuery<?, ?>> queries) throws Exception {
        long company = partner.company().id();
        for (HistoryQuery<?, ?> query : queries) {
            for (Long opportunityId : new Long[] {null, anyOpportunity(), anyOpportunity()}) {
                List<?> items = page(query, partner.scope(), opportunityId);
                checks++;
                for (Object item : items) {
                    rowsSeen++;
                    ActionHistoryRow row = (ActionHistoryRow) item;
                    boolean allowed;
                    if (query instanceof ExportHistoryQuery) {
                        allowed = holds(company, row.opportunityId())
                                || row.opportunityId() == null && mayExport(company, row.id());
                    } else if (query instanceof AssignmentHistoryQuery && item instanceof AssignmentHistoryRow offer) {
                        allowed = mayOffer(company, offer.id(), offer.opportunityId(), offer.assignedCompanyId(),
                                "REJECTED".equals(String.valueOf(offer.assignmentStatus())));
                    } else {
                        allowed = holds(company, row.opportunityId());
                    }
                    if (!allowed) {
                        leaks.add(partner.username() + " " + query.getClass().getSimpleName() + " opportunityId="
                                + opportunityId + ": row " + row.id() + " of opportunity " + row.opportunityId());
                    }
                }
            }
        }
        for (Activity activity : activities.myActivities(partner.user(), true, null, 200).items()) {
            rowsSeen++;
            long[] item = workItems.get(activity.id());
            if (item == null || item[1] != company || !holds(company, activity.opportunityId())) {
                leaks.add(partner.username() + " activities: " + activity.id() + " of opportunity "
                        + activity.opportunityId());
            }
        }
        checks++;
    }

    private void checkOpportunities(Partner partner) throws Exception {
        long company = partner.company().id();
        for (Opportunity opportunity : opportunities.list(partner.scope(), OpportunityFilter.empty(), null, 500)) {
            rowsSeen++;
            if (!holds(company, opportunity.id())) {
                leaks.add(partner.username() + " opportunity list: " + opportunity.id());
            }
        }
        checks++;
        for (int i = 0; i < 3; i++) {
            long id = anyOpportunity();
            boolean mine = holds(company, id);
            Optional<Opportunity> found = opportunities.find(partner.scope(), id);
            expect(found.isPresent(), mine, partner, "find opportunity " + id);
            expect(visible(() -> opportunities.substates(partner.scope(), id)), mine, partner, "substates of " + id);
            expect(visible(() -> opportunities.openSubstates(partner.scope(), id)), mine, partner,
                    "open substates of " + id);
        }
    }

    private void checkDownloads(Partner partner) {
        long company = partner.company().id();
        List<Long> exports = new ArrayList<>(exportScopes.keySet());
        for (int i = 0; i < 3 && !exports.isEmpty(); i++) {
            long row = exports.get(random.nextInt(exports.size()));
            expect(exportFiles.find(partner.scope(), row).isPresent(), mayExport(company, row), partner,
                    "export file " + row);
        }
        for (int i = 0; i < 3 && !reportRowsWithDocument.isEmpty(); i++) {
            long row = reportRowsWithDocument.get(random.nextInt(reportRowsWithDocument.size()));
            long opportunity = jdbc.sql("select opportunity_id from report_history where id = ?").param(row)
                    .query(Long.class).single();
            expect(reports.document(partner.scope(), row).isPresent(), holds(company, opportunity), partner,
                    "report document " + row);
        }
    }

    /** The REST API: every history endpoint, the opportunities, activities, downloads; foreign ids are 404s. */
    private void checkEndpoints(Partner partner, List<String> historyEndpoints) throws Exception {
        long company = partner.company().id();
        for (String endpoint : historyEndpoints) {
            for (Long opportunityId : new Long[] {null, anyOpportunity()}) {
                String uri = endpoint + "?size=500" + (opportunityId == null ? "" : "&opportunityId=" + opportunityId);
                HttpResponse<String> response = get(partner, uri);
                checks++;
                if (response.statusCode() != 200) {
                    leaks.add(partner.username() + " GET " + uri + " → " + response.statusCode());
                    continue;
                }
                for (JsonNode row : JSON.readTree(response.body()).path("items")) {
                    rowsSeen++;
                    long id = row.path("id").asLong();
                    Long opportunity = row.hasNonNull("opportunityId") ? row.get("opportunityId").asLong() : null;
                    boolean allowed;
                    if (endpoint.endsWith("/exports")) {
                        allowed = holds(company, opportunity) || opportunity == null && mayExport(company, id);
                    } else if (endpoint.endsWith("/assignments")) {
                        allowed = mayOffer(company, id, opportunity,
                                row.hasNonNull("assignedCompanyId") ? row.get("assignedCompanyId").asLong() : null,
                                "REJECTED".equals(row.path("assignmentStatus").asText()));
                    } else {
                        allowed = holds(company, opportunity);
                    }
                    if (!allowed) {
                        leaks.add(partner.username() + " GET " + uri + ": row " + id + " of opportunity " + opportunity);
                    }
                }
            }
        }
        HttpResponse<String> list = get(partner, "/api/opportunities?size=500");
        checks++;
        for (JsonNode opportunity : JSON.readTree(list.body())) {
            rowsSeen++;
            if (!holds(company, opportunity.path("id").asLong())) {
                leaks.add(partner.username() + " GET /api/opportunities: " + opportunity.path("id").asLong());
            }
        }
        HttpResponse<String> mine = get(partner, "/api/activities/mine?includeCompleted=true&size=200");
        checks++;
        for (JsonNode activity : JSON.readTree(mine.body()).path("items")) {
            rowsSeen++;
            long[] item = workItems.get(activity.path("id").asLong());
            if (item == null || item[1] != company || !holds(company, activity.path("opportunityId").asLong())) {
                leaks.add(partner.username() + " GET /api/activities/mine: " + activity.path("id").asLong());
            }
        }
        long id = anyOpportunity();
        expectStatus(get(partner, "/api/opportunities/" + id), holds(company, id), partner, "GET opportunity " + id);
        List<Long> exports = new ArrayList<>(exportScopes.keySet());
        long export = exports.get(random.nextInt(exports.size()));
        expectStatus(get(partner, "/api/history/exports/" + export + "/file"), mayExport(company, export), partner,
                "GET export file " + export);
        if (!reportRowsWithDocument.isEmpty()) {
            long report = reportRowsWithDocument.get(random.nextInt(reportRowsWithDocument.size()));
            long opportunity = jdbc.sql("select opportunity_id from report_history where id = ?").param(report)
                    .query(Long.class).single();
            expectStatus(get(partner, "/api/history/reports/" + report + "/document"), holds(company, opportunity),
                    partner, "GET report document " + report);
        }
        List<Long> items = new ArrayList<>(workItems.keySet());
        long item = items.get(random.nextInt(items.size()));
        long[] work = workItems.get(item);
        if (work[1] != company) { // another company's: out of sight a 404, in sight (its opportunity) a 403
            HttpResponse<String> response = post(partner, "/api/activities/" + item + "/complete");
            int expected = holds(company, work[0]) ? 403 : 404;
            checks++;
            if (response.statusCode() != expected) {
                leaks.add(partner.username() + " POST complete activity " + item + " → " + response.statusCode()
                        + ", expected " + expected);
            }
        }
    }

    private void expect(boolean visible, boolean allowed, Partner partner, String what) {
        checks++;
        if (visible && !allowed) {
            leaks.add(partner.username() + " " + what + ": visible, but not its company's");
        }
        if (!visible && allowed) {
            leaks.add(partner.username() + " " + what + ": its company's, but not visible (the check is wrong)");
        }
    }

    private void expectStatus(HttpResponse<String> response, boolean allowed, Partner partner, String what) {
        checks++;
        int expected = allowed ? 200 : 404;
        if (response.statusCode() != expected) {
            leaks.add(partner.username() + " " + what + " → " + response.statusCode() + ", expected " + expected);
        }
    }

    private static boolean visible(Call call) {
        try {
            call.run();
            return true;
        } catch (OpportunityNotFoundException e) {
            return false;
        }
    }

    private interface Call {
        void run();
    }

    // --- how it calls ----------------------------------------------------------------------------------------------

    /** A page of a history query with its filter empty but the opportunity id, as the tab builds it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<?> page(HistoryQuery query, PartnerScope scope, Long opportunityId) throws Exception {
        Class<?> filterType = ResolvableType.forClass(AopUtils.getTargetClass(query)).as(HistoryQuery.class)
                .resolveGeneric(1);
        RecordComponent[] components = filterType.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals("opportunityId") ? opportunityId
                    : types[i] == boolean.class ? false : types[i].isPrimitive() ? 0 : null;
        }
        Constructor<?> constructor = filterType.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        Object filter = constructor.newInstance(values);
        return query.page(scope, filter, HistorySort.desc("createdAt"), null, 500).items();
    }

    private List<HistoryQuery<?, ?>> historyQueries() {
        List<HistoryQuery<?, ?>> queries = new ArrayList<>();
        for (HistoryQuery<?, ?> query : context.getBeansOfType(HistoryQuery.class).values()) {
            Class<?> filterType = ResolvableType.forClass(AopUtils.getTargetClass(query)).as(HistoryQuery.class)
                    .resolveGeneric(1);
            assertThat(filterType).as(query.getClass() + "'s filter").isNotNull();
            assertThat(filterType.isRecord()).as(filterType + " is a record").isTrue();
            queries.add(query);
        }
        return queries;
    }

    /** Every GET under /api/history/ without a path parameter: the tabs over REST. */
    private List<String> historyEndpoints() throws Exception {
        HttpResponse<String> response = get(partners.get(0), "/v3/api-docs");
        List<String> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = JSON.readTree(response.body()).path("paths").fields();
             paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/api/history/") && !path.getKey().contains("{")
                    && path.getValue().has("get")) {
                endpoints.add(path.getKey());
            }
        }
        return endpoints;
    }

    private HttpResponse<String> get(Partner partner, String path) throws Exception {
        return send(partner, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
    }

    private HttpResponse<String> post(Partner partner, String path) throws Exception {
        return send(partner, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(Partner partner, HttpRequest.Builder request) throws Exception {
        String credentials = partner.username() + ":" + partner.username();
        return http.send(request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

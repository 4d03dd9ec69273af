package com.flowstate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ResolvableType;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.validation.DataBinder;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowstate.action.activity.ActivityHistoryFilter;
import com.flowstate.action.activity.ActivityHistoryQuery;
import com.flowstate.action.assignment.AssignmentHistoryFilter;
import com.flowstate.action.assignment.AssignmentHistoryQuery;
import com.flowstate.action.email.EmailHistoryFilter;
import com.flowstate.action.email.EmailHistoryQuery;
import com.flowstate.action.export.ExportHistoryFilter;
import com.flowstate.action.export.ExportHistoryQuery;
import com.flowstate.action.report.ReportHistoryFilter;
import com.flowstate.action.report.ReportHistoryQuery;
import com.flowstate.action.substate.SubstateChangeHistoryFilter;
import com.flowstate.action.substate.SubstateChangeHistoryQuery;
import com.flowstate.action.webhook.WebhookHistoryFilter;
import com.flowstate.action.webhook.WebhookHistoryQuery;
import com.flowstate.history.Cursors;
import com.flowstate.history.HistoryQuery;
import com.flowstate.history.HistorySort;
import com.flowstate.history.Page;
import com.flowstate.history.SortDirection;
import com.flowstate.security.PartnerScope;
import com.flowstate.support.IntegrationTest;
import com.flowstate.ui.KeysetFetcher;

/**
 * Issue 10, scenario 3: the first page (50 rows) of every history tab at scale, for every single-column filter, the
 * partner scope of the biggest and the smallest partner and a deep page, through the REST API and through the UI's
 * data provider (the tabs' {@link KeysetFetcher} over their query, in-process), against Camunda's
 * {@link HistoryService} on the same actions. Seeded by {@link HistorySeed}; smoke size in {@code ./mvnw verify}
 * (20k e-mail rows), full size with {@code -Pbench} (10M; {@code -Dbench.history.emails=n} for any other).
 * The smoke run asserts that every case answers, with the rows the seed implies; it never asserts a time.
 */
@IntegrationTest
class HistoryQueryBenchIT {

    private static final String SCENARIO = "3. History queries at scale";
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");
    private static final int PAGE = 50;
    private static final int DEEP_PAGE = 2_000;
    private static final DefaultFormattingConversionService CONVERSIONS = new DefaultFormattingConversionService();

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired HistoryService camunda;
    @Autowired EmailHistoryQuery emails;
    @Autowired ActivityHistoryQuery activities;
    @Autowired SubstateChangeHistoryQuery substates;
    @Autowired AssignmentHistoryQuery assignments;
    @Autowired ReportHistoryQuery reports;
    @Autowired WebhookHistoryQuery webhooks;
    @Autowired ExportHistoryQuery exports;
    @LocalServerPort int port;

    /** One tab: its REST path, its table, its query and filter record, and its own filters' cases. */
    private record Tab(String path, String table, HistoryQuery<?, ?> query, Class<?> filterType,
                       List<Case> ownCases) {
    }

    /**
     * One measured request.
     *
     * @param expected rows the first page must hold (null: any number; -1: a full page or the end)
     */
    private record Case(String name, Map<String, String> params, String scope, Integer expected, boolean deep) {

        static Case of(String name, Integer expected, String... keyValues) {
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                params.put(keyValues[i], keyValues[i + 1]);
            }
            return new Case(name, params, "internal", expected, false);
        }

        Case as(String user) {
            return new Case(name, params, user, expected, deep);
        }
    }

    /** Latencies of one case, both paths. */
    private record Timing(String tab, String caseName, double restP50, double restP95, double uiP50, double uiP95,
                          int rows) {
    }

    @Test
    void answersEveryTabsFirstPageForEveryFilterScopeAndDeepPage() throws Exception {
        int emailRows = BenchResults.size("bench.history.emails", 20_000, 10_000_000);
        int runs = BenchResults.size("bench.history.runs", 5, 30);
        HistorySeed.Seeded seeded = HistorySeed.seed(dataSource, emailRows, emailRows);
        try {
            System.out.println("[bench] history seeded in " + seeded.millis() + " ms: " + seeded.rows());
            String needle = seeded.needle();
            String none = seeded.noMatch();
            List<Tab> tabs = tabs(needle, none);
            List<Timing> timings = new ArrayList<>();
            RestClient rest = RestClient.builder().baseUrl("http://localhost:" + port).build();
            for (Tab tab : tabs) {
                for (Case c : cases(tab, seeded)) {
                    timings.add(measure(rest, tab, c, seeded, runs));
                }
            }
            Map<String, double[]> baseline = camundaBaseline(seeded, runs);
            record(seeded, runs, timings, baseline);
        } finally {
            HistorySeed.drop(dataSource, seeded);
        }
    }

    private List<Tab> tabs(String needle, String none) {
        return List.of(
                new Tab("emails", "email_history", emails, EmailHistoryFilter.class, List.of(
                        Case.of("template contains: none", 0, "template", none),
                        Case.of("template contains: one", 1, "template", needle),
                        Case.of("recipient contains: none", 0, "recipient", none),
                        Case.of("recipient contains: one", 1, "recipient", needle),
                        Case.of("smtp contains: none", 0, "smtpCredential", none),
                        Case.of("smtp contains: one", 1, "smtpCredential", needle))),
                new Tab("activities", "activity_history", activities, ActivityHistoryFilter.class, List.of(
                        Case.of("activity type = CALL", -1, "activityType", "CALL"),
                        Case.of("completed = false", -1, "completed", "false"))),
                new Tab("substates", "substate_change_history", substates, SubstateChangeHistoryFilter.class,
                        List.of(Case.of("change type = CLOSE", -1, "changeType", "CLOSE"),
                                Case.of("substate contains: none", 0, "substate", none),
                                Case.of("substate contains: one", 1, "substate", needle),
                                Case.of("manual = false", -1, "manual", "false"))),
                new Tab("assignments", "assignment_history", assignments, AssignmentHistoryFilter.class, List.of(
                        Case.of("company contains: none", 0, "assignedCompany", none),
                        Case.of("company contains: one", 1, "assignedCompany", needle),
                        Case.of("status = REJECTED", -1, "status", "REJECTED"),
                        Case.of("role = SELLER", -1, "role", "SELLER"))),
                new Tab("reports", "report_history", reports, ReportHistoryFilter.class, List.of(
                        Case.of("template contains: none", 0, "template", none),
                        Case.of("template contains: one", 1, "template", needle),
                        Case.of("recipient contains: none", 0, "recipient", none),
                        Case.of("recipient contains: one", 1, "recipient", needle),
                        Case.of("smtp contains: none", 0, "smtpCredential", none),
                        Case.of("smtp contains: one", 1, "smtpCredential", needle),
                        Case.of("from contains: none", 0, "fromAddress", none),
                        Case.of("from contains: one", 1, "fromAddress", needle),
                        Case.of("document contains: none", 0, "document", none),
                        Case.of("document contains: one", 1, "document", needle))),
                new Tab("webhooks", "webhook_history", webhooks, WebhookHistoryFilter.class, List.of(
                        Case.of("url contains: none", 0, "url", none),
                        Case.of("url contains: one", 1, "url", needle),
                        Case.of("response code = 503", -1, "responseCode", "503"))),
                new Tab("exports", "export_history", exports, ExportHistoryFilter.class, List.of(
                        Case.of("template contains: none", 0, "template", none),
                        Case.of("template contains: one", 1, "template", needle),
                        Case.of("recipient contains: none", 0, "recipient", none),
                        Case.of("recipient contains: one", 1, "recipient", needle),
                        Case.of("export type = ACTIVITIES", -1, "exportType", "ACTIVITIES"),
                        Case.of("extension = CSV", -1, "extension", "CSV"))));
    }

    /** The cases every tab has, then the tab's own. */
    private List<Case> cases(Tab tab, HistorySeed.Seeded seeded) {
        LocalDate today = LocalDate.now(ZONE);
        List<Case> cases = new ArrayList<>();
        cases.add(Case.of("no filter", PAGE));
        cases.add(Case.of("opportunity contains: none", 0, "opportunity", seeded.noMatch()));
        cases.add(Case.of("opportunity contains: one", 1, "opportunity", seeded.needle()));
        cases.add(Case.of("opportunity id", 1, "opportunityId", String.valueOf(seeded.needleOpportunityId())));
        cases.add(Case.of("status=false + last 30 days", -1, "status", "false",
                "from", today.minusDays(30).toString(), "to", today.toString()));
        cases.addAll(tab.ownCases());
        cases.add(Case.of("biggest partner", PAGE).as("biggest"));
        cases.add(Case.of("smallest partner", -1).as("smallest"));
        cases.add(new Case("deep page (page " + DEEP_PAGE + ")", Map.of(), "internal", -1, true));
        return cases;
    }

    private Timing measure(RestClient rest, Tab tab, Case c, HistorySeed.Seeded seeded, int runs) {
        Map<String, String> params = new LinkedHashMap<>(c.params());
        params.put("size", String.valueOf(PAGE));
        if (c.deep()) {
            params.put("cursor", deepCursor(tab, seeded));
        }
        String user = switch (c.scope()) {
            case "biggest" -> seeded.biggestUser();
            case "smallest" -> seeded.smallestUser();
            default -> seeded.internalUser();
        };
        PartnerScope scope = switch (c.scope()) {
            case "biggest" -> PartnerScope.company(seeded.biggestPartnerId());
            case "smallest" -> PartnerScope.company(seeded.smallestPartnerId());
            default -> PartnerScope.everything();
        };
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + seeded.password()).getBytes(StandardCharsets.UTF_8));
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/history/" + tab.path());
        params.forEach(uri::queryParam);
        String url = uri.encode().build().toUriString();
        Supplier<Integer> overRest = () -> {
            JsonNode page = rest.get().uri(url).header(HttpHeaders.AUTHORIZATION, authorization).retrieve()
                    .body(JsonNode.class);
            return page.get("items").size();
        };
        Object filter = bind(tab.filterType(), c.params());
        String cursor = params.get("cursor");
        Supplier<Integer> overDataProvider = () -> dataProvider(tab.query(), scope, filter, cursor);

        int restRows = overRest.get();
        int uiRows = overDataProvider.get();
        String label = tab.path() + " / " + c.name();
        assertThat(uiRows).as(label + ": the data provider and REST agree").isEqualTo(restRows);
        if (c.expected() != null && c.expected() >= 0) {
            assertThat(restRows).as(label).isEqualTo(c.expected());
        } else {
            assertThat(restRows).as(label).isBetween(1, PAGE);
        }
        double[] restMillis = time(overRest, runs);
        double[] uiMillis = time(overDataProvider, runs);
        return new Timing(tab.path(), c.name(), percentile(restMillis, 50), percentile(restMillis, 95),
                percentile(uiMillis, 50), percentile(uiMillis, 95), restRows);
    }

    /**
     * What a history tab's grid does for its first 50 rows: its {@link KeysetFetcher} over the tab's query (the
     * fetcher of {@code HistoryTab.fetch}), starting at a known cursor for the deep page as the grid does once it
     * has read the pages before.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int dataProvider(HistoryQuery query, PartnerScope scope, Object filter, String cursor) {
        KeysetFetcher<Object, String> fetcher = new KeysetFetcher<>(PAGE);
        return (int) fetcher.fetch(filter, 0, PAGE, (after, size) -> {
            Page<Object> page = query.page(scope, filter, HistorySort.NEWEST_FIRST, after == null ? cursor : after,
                    size);
            return new KeysetFetcher.Chunk<>(page.items(), page.nextCursor());
        }).count();
    }

    /** The cursor after row 50 × 1,999 of the unscoped tab, newest first: it fetches page 2,000 (or the last). */
    private String deepCursor(Tab tab, HistorySeed.Seeded seeded) {
        long rows = jdbc.sql("select count(*) from " + tab.table()).query(Long.class).single();
        long page = Math.min(DEEP_PAGE, rows / PAGE);
        Map<String, Object> last = jdbc.sql("select cast(created_at as text) v, id from " + tab.table()
                        + " order by created_at desc, id desc offset ? limit 1")
                .param((page - 1) * PAGE - 1).query().singleRow();
        return Cursors.after(HistorySort.NEWEST_FIRST.column(), SortDirection.DESC, (String) last.get("v"),
                ((Number) last.get("id")).longValue());
    }

    /** A filter record from query parameters, as Spring MVC binds the REST endpoint's. */
    private static Object bind(Class<?> type, Map<String, String> params) {
        DataBinder binder = new DataBinder(null);
        binder.setTargetType(ResolvableType.forClass(type));
        binder.setConversionService(CONVERSIONS);
        binder.construct(new DataBinder.ValueResolver() {
            @Override
            public Object resolveValue(String name, Class<?> paramType) {
                return params.get(name);
            }

            @Override
            public Set<String> getNames() {
                return params.keySet();
            }
        });
        assertThat(binder.getBindingResult().hasErrors()).as(binder.getBindingResult().toString()).isFalse();
        return binder.getTarget();
    }

    /**
     * The same questions asked of Camunda's history, on the same send-e-mail actions: the newest 50 service-task
     * instances and their variables; the failed ones (status variable); one recipient (an exact value: the
     * HistoryService has no "contains" on values); the smallest partner's (its process instances); a deep page
     * (Camunda pages by offset).
     */
    private Map<String, double[]> camundaBaseline(HistorySeed.Seeded seeded, int runs) {
        Map<String, Supplier<Integer>> cases = new LinkedHashMap<>();
        cases.put("no filter", () -> withVariables(camunda.createHistoricActivityInstanceQuery()
                .activityType("serviceTask").orderByHistoricActivityInstanceStartTime().desc().listPage(0, PAGE)));
        cases.put("status=false + last 30 days", () -> variablesOf(camunda.createHistoricVariableInstanceQuery()
                .variableValueEquals("status", "FAILED")
                .createdAfter(Date.from(LocalDate.now(ZONE).minusDays(30).atStartOfDay(ZONE).toInstant()))
                .orderByCreationTime().desc().listPage(0, PAGE)));
        String recipient = jdbc.sql("select text_ from act_hi_varinst where id_ = ?")
                .param(seeded.tag() + "-vrecipient-" + (seeded.camundaActions() / 2)).query(String.class).single();
        cases.put("recipient = one", () -> variablesOf(camunda.createHistoricVariableInstanceQuery()
                .variableValueEquals("recipient", recipient).listPage(0, PAGE)));
        String[] smallest = jdbc.sql("select process_instance_id from opportunity where installer_id = ? or seller_id = ?")
                .param(seeded.smallestPartnerId()).param(seeded.smallestPartnerId()).query(String.class).list()
                .toArray(String[]::new);
        cases.put("smallest partner", () -> variablesOf(camunda.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(smallest).variableName("recipient").orderByCreationTime().desc()
                .listPage(0, PAGE)));
        int deepOffset = Math.min(DEEP_PAGE - 1, seeded.camundaActions() / PAGE - 1) * PAGE;
        cases.put("deep page", () -> withVariables(camunda.createHistoricActivityInstanceQuery()
                .activityType("serviceTask").orderByHistoricActivityInstanceStartTime().desc()
                .listPage(deepOffset, PAGE)));
        Map<String, double[]> results = new LinkedHashMap<>();
        cases.forEach((name, query) -> {
            int rows = query.get();
            assertThat(rows).as("Camunda " + name).isPositive();
            double[] millis = time(query, Math.max(3, runs / 3));
            results.put(name, new double[] {percentile(millis, 50), percentile(millis, 95), rows});
        });
        return results;
    }

    /** The activity instances' variables, as a tab's row needs them: one more query. */
    private int withVariables(List<HistoricActivityInstance> instances) {
        if (instances.isEmpty()) {
            return 0;
        }
        camunda.createHistoricVariableInstanceQuery()
                .activityInstanceIdIn(instances.stream().map(HistoricActivityInstance::getId).toArray(String[]::new))
                .list();
        return instances.size();
    }

    /** From matching variables to the other variables of their activity instances: one more query. */
    private int variablesOf(List<HistoricVariableInstance> matches) {
        if (matches.isEmpty()) {
            return 0;
        }
        camunda.createHistoricVariableInstanceQuery()
                .activityInstanceIdIn(matches.stream().map(HistoricVariableInstance::getActivityInstanceId)
                        .toArray(String[]::new))
                .list();
        return matches.size();
    }

    private static double[] time(Supplier<Integer> call, int runs) {
        call.get();
        call.get();
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        return millis;
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * Figures: per tab the worst p95 of its cases on each path (the target is on every case), the named cases of the
     * issue, and the E-mail tab against Camunda's same question. Every case goes to {@code history-cases.md}.
     */
    private void record(HistorySeed.Seeded seeded, int runs, List<Timing> timings, Map<String, double[]> camundaCases)
            throws Exception {
        List<BenchFigure> figures = new ArrayList<>();
        figures.add(BenchFigure.lowerIsBetter(SCENARIO, "seeding " + seeded.emailRows() + " e-mail rows + "
                + seeded.opportunities() + " per other tab + Camunda's", seeded.millis().get("total") / 1000.0, "s"));
        for (String tab : timings.stream().map(Timing::tab).distinct().toList()) {
            Timing worstRest = timings.stream().filter(t -> t.tab().equals(tab))
                    .max((a, b) -> Double.compare(a.restP95(), b.restP95())).orElseThrow();
            Timing worstUi = timings.stream().filter(t -> t.tab().equals(tab))
                    .max((a, b) -> Double.compare(a.uiP95(), b.uiP95())).orElseThrow();
            figures.add(BenchFigure.lowerIsBetter(SCENARIO, tab + ": worst p95 over REST (" + worstRest.caseName()
                    + ")", worstRest.restP95(), "ms").target(50));
            figures.add(BenchFigure.lowerIsBetter(SCENARIO, tab + ": worst p95 in the data provider ("
                    + worstUi.caseName() + ")", worstUi.uiP95(), "ms").target(50));
        }
        Map<String, String> comparable = Map.of("no filter", "no filter",
                "status=false + last 30 days", "status=false + last 30 days",
                "recipient = one", "recipient contains: one",
                "smallest partner", "smallest partner",
                "deep page", "deep page (page " + DEEP_PAGE + ")");
        camundaCases.forEach((name, camundaFigure) -> {
            Timing ours = timings.stream()
                    .filter(t -> t.tab().equals("emails") && t.caseName().equals(comparable.get(name)))
                    .findFirst().orElseThrow();
            figures.add(BenchFigure.lowerIsBetter(SCENARIO, "emails: " + ours.caseName() + ", p50 in the data provider",
                    ours.uiP50(), "ms").against("Camunda HistoryService: " + name, camundaFigure[0])
                    .target(50).ratioTarget(10));
        });
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("emailRows", seeded.emailRows());
        parameters.put("rowsPerOtherTab", seeded.opportunities());
        parameters.put("opportunities", seeded.opportunities());
        parameters.put("partners", HistorySeed.PARTNERS);
        parameters.put("biggestPartnerOpportunities", seeded.biggestPartnerOpportunities());
        parameters.put("smallestPartnerOpportunities", seeded.smallestPartnerOpportunities());
        parameters.put("camundaActions", seeded.camundaActions());
        parameters.put("runsPerCase", runs);
        parameters.put("seedMillis", seeded.millis());
        BenchResults.record(SCENARIO, parameters, figures);

        StringBuilder md = new StringBuilder("# " + SCENARIO + ": every case\n\n")
                .append("Parameters: ").append(parameters).append("\n\n")
                .append("| tab | case | rows | REST p50 | REST p95 | data provider p50 | data provider p95 |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Timing t : timings) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f |%n", t.tab(),
                    t.caseName(), t.rows(), t.restP50(), t.restP95(), t.uiP50(), t.uiP95()));
        }
        md.append("\n| Camunda HistoryService case | rows | p50 | p95 |\n|---|---|---|---|\n");
        camundaCases.forEach((name, f) -> md.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f |%n",
                name, f[2], f[0], f[1])));
        Files.createDirectories(BenchResults.directory());
        Files.writeString(BenchResults.directory().resolve("history-cases.md"), md.toString());
        System.out.println(md);
    }
}

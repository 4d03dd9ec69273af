package com.flowstate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.flowstate.flow.FlowService;

import com.flowstate.mail.MailSink;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * Scenario 1 of the benchmark suite (docs/benchmarks.md): opportunities each pass a substate change that fires three
 * asynchronous actions (a real SMTP send to the SMTP sink, an activity, a substate change), measured until every job
 * is done and every history row is final, beside the same BPMN with no-op delegates and no Flowstate projection on
 * the same engine. Two modes each: (a) the changes are made while the job executor runs, (b) a backlog of changes made
 * with the flow's jobs suspended is drained once they are resumed.
 *
 * <p>Smoke size in {@code ./mvnw verify}: asserts only that every action ran and was recorded; never a time.
 */
@IntegrationTest
class ActionThroughputBenchIT {

    static final String SCENARIO = "1 Action throughput";
    private static final String BASELINE = "bare Camunda, no-op delegates, no projection";

    @Autowired RepositoryService repository;
    @Autowired TestData data;
    @Autowired MailSink sink;
    @Autowired FlowService flows;
    @Autowired OpportunityService opportunities;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;
    @Value("${camunda.bpm.job-execution.core-pool-size:3}") int corePool;
    @Value("${camunda.bpm.job-execution.max-pool-size:10}") int maxPool;
    @Value("${camunda.bpm.job-execution.max-jobs-per-acquisition:3}") int jobsPerAcquisition;
    @Value("${spring.datasource.hikari.maximum-pool-size:10}") int connections;

    @Test
    void everySubstateChangeRunsItsThreeActionsToTheirFinalHistoryRowsBesideBareCamunda() {
        int n = BenchResults.size("bench.actions.opportunities", 30, 2000);
        int starters = Integer.getInteger("bench.actions.starters", 2);
        ActionBenchDriver driver = new ActionBenchDriver(flows, opportunities, runtime, management, jdbc, data);
        data.flowFixtures();
        for (ActionBenchFlow flow : List.of(ActionBenchFlow.FLOWSTATE, ActionBenchFlow.BASELINE)) {
            repository.createDeployment().name("action-bench").addString(flow.key() + ".bpmn", flow.bpmn()).deploy();
        }
        int mailsBefore = sink.received().size();

        long prepared = System.nanoTime();
        List<String> flowstateRunning = driver.opportunities(n, starters);
        List<String> flowstateBacklog = driver.opportunities(n, starters);
        List<String> baselineRunning = driver.baselineInstances(n);
        List<String> baselineBacklog = driver.baselineInstances(n);
        System.out.printf("[bench] %d opportunities and %d baseline instances prepared in %d ms%n", 2 * n, 2 * n,
                (System.nanoTime() - prepared) / 1_000_000);

        ActionBenchRun baseA = driver.whileRunning(ActionBenchFlow.BASELINE, baselineRunning, starters);
        ActionBenchRun flowA = driver.whileRunning(ActionBenchFlow.FLOWSTATE, flowstateRunning, starters);
        ActionBenchRun baseB = driver.backlog(ActionBenchFlow.BASELINE, baselineBacklog, starters);
        ActionBenchRun flowB = driver.backlog(ActionBenchFlow.FLOWSTATE, flowstateBacklog, starters);

        for (ActionBenchRun run : List.of(flowA, flowB, baseA, baseB)) {
            assertThat(run.finalRows()).as(run.flow().key() + " final rows").isEqualTo(3 * n);
        }
        List<String> all = new ArrayList<>(flowstateRunning);
        all.addAll(flowstateBacklog);
        assertThat(driver.statuses(all)).as("every action of every opportunity succeeded: %s", driver.failures(all))
                .containsExactlyInAnyOrderEntriesOf(Map.of("SUCCEEDED", (long) 3 * 2 * n));
        assertThat(sink.received().size() - mailsBefore).as("e-mails received").isGreaterThanOrEqualTo(2 * n);

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("opportunities", n);
        parameters.put("actionsPerOpportunity", 3);
        parameters.put("starterThreads", starters);
        parameters.put("jobExecutor", "core " + corePool + ", max " + maxPool + ", jobs/acquisition "
                + jobsPerAcquisition);
        parameters.put("hikariPool", connections);
        BenchResults.record(SCENARIO, parameters, List.of(
                BenchFigure.higherIsBetter(SCENARIO, "(a) while running, actions/s", flowA.actionsPerSecond(),
                                "actions/s")
                        .against(BASELINE, baseA.actionsPerSecond()).ratioTarget(0.8),
                BenchFigure.lowerIsBetter(SCENARIO, "(a) change → final history row, p50", flowA.latencyMillis(50),
                                "ms")
                        .against(BASELINE, baseA.latencyMillis(50)),
                BenchFigure.lowerIsBetter(SCENARIO, "(a) change → final history row, p95", flowA.latencyMillis(95),
                                "ms")
                        .against(BASELINE, baseA.latencyMillis(95)),
                BenchFigure.higherIsBetter(SCENARIO, "(b) backlog drain, actions/s", flowB.actionsPerSecond(),
                                "actions/s")
                        .against(BASELINE, baseB.actionsPerSecond()).target(250).ratioTarget(0.8),
                BenchFigure.lowerIsBetter(SCENARIO, "(b) resume → final history row, p95", flowB.latencyMillis(95),
                                "ms")
                        .against(BASELINE, baseB.latencyMillis(95))));
    }
}

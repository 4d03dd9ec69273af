package com.flowstate.bench;

import java.time.Duration;
import java.util.List;

/**
 * One measured run of the action-throughput benchmark.
 *
 * @param flow      which flow ran
 * @param elapsed   from the first substate change (mode a) or the resume (mode b) until every history row was final
 * @param finalRows how many final history rows the run's instances have (3 per instance when all went well)
 * @param latencies per instance, from its substate change (or the resume) to its last final history row, sorted
 */
record ActionBenchRun(ActionBenchFlow flow, Duration elapsed, int finalRows, List<Duration> latencies) {

    double actionsPerSecond() {
        return finalRows / (elapsed.toNanos() / 1e9);
    }

    /** The p-th percentile (nearest rank) of the latencies, in milliseconds. */
    double latencyMillis(int percentile) {
        if (latencies.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * latencies.size());
        return latencies.get(Math.max(0, rank - 1)).toNanos() / 1e6;
    }
}

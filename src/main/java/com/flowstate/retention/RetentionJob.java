package com.flowstate.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly purge: a Spring {@code @Scheduled} cron rather than a Camunda timer (decision 0035): it is SQL in
 * batches, not a flow, and a timer would leave a process instance and its history every night. Every node schedules
 * it; the purge's advisory lock lets one run, and a node that finds it taken logs one line and skips.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionService retention;

    RetentionJob(RetentionService retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "${flowstate.retention.cron:0 30 1 * * *}", zone = "Europe/Rome")
    void nightly() {
        try {
            retention.purgeExpired();
        } catch (PurgeRunningException e) {
            log.info("Nightly retention purge skipped: another node (or an admin) is running one");
        }
    }
}

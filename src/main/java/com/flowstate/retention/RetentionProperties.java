package com.flowstate.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The nightly purge.
 *
 * @param cron      when it runs (Spring cron, seconds first, Europe/Rome), before Camunda's own history cleanup window
 * @param batchSize rows deleted per transaction: small enough that a batch holds its row locks for milliseconds
 * @param pause     a breath between two batches, so the tabs' queries and the actions' writes keep their pace
 */
@ConfigurationProperties("flowstate.retention")
public record RetentionProperties(@DefaultValue("0 30 1 * * *") String cron,
                                  @DefaultValue("5000") int batchSize,
                                  @DefaultValue("10ms") Duration pause) {
}

package com.flowstate.flow;

import java.time.Instant;

/** An admin moved a running opportunity from one version of its flow to another. */
public record FlowMigrated(Long opportunityId, String processInstanceId, String flowKey, int fromVersion,
                           int toVersion, String by, Instant at) {
}

package com.flowstate.flow;

/** The flow an opportunity runs: its process instance, the flow's key and the version it started on. */
public record FlowInstance(String processInstanceId, String flowKey, int version) {
}

package com.flowstate.flow;

/** A substate of a flow: its key (the sub-process id without {@code Substate_}) and its display name. */
public record Substate(String key, String name) {
}

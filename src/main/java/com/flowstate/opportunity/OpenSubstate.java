package com.flowstate.opportunity;

import java.time.Instant;

/** A substate that is open on an opportunity now. */
public record OpenSubstate(String key, String name, Instant openedAt) {
}

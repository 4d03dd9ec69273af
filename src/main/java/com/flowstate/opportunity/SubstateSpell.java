package com.flowstate.opportunity;

import java.time.Instant;

/** One time a substate was open on an opportunity: from when, and until when (null while it is still open). */
public record SubstateSpell(String key, String name, Instant openedAt, Instant closedAt) {
}

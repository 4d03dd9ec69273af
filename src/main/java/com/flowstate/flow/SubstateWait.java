package com.flowstate.flow;

/** The wait state of a substate: while it is active, the substate is open. */
record SubstateWait(String substateKey, String substateName) {
}

package com.flowstate.action.substate;

/**
 * What a Substates tab row did: open or close a substate (an action's change or a user's), or move the opportunity to
 * another version of its flow (an admin's migration).
 */
public enum SubstateChangeKind {
    OPEN, CLOSE, MIGRATE
}

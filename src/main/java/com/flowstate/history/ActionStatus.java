package com.flowstate.history;

/**
 * Where an action execution stands. The seed's "status true/false" is {@link #SUCCEEDED} / {@link #FAILED}; the
 * other states are the way there.
 */
public enum ActionStatus {
    SCHEDULED, RUNNING, RETRYING, SUCCEEDED, FAILED;

    /** The seed's wording: true once it succeeded, false once it failed, empty while under way. */
    public Boolean asBoolean() {
        return switch (this) {
            case SUCCEEDED -> Boolean.TRUE;
            case FAILED -> Boolean.FALSE;
            default -> null;
        };
    }
}

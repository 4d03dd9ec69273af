package com.flowstate.action;

/**
 * Who started an attempt of an action execution: the flow itself, or a person who asked for a retry or a resend.
 *
 * @param requestedBy the username of the person who asked; null for the flow
 */
public record AttemptOrigin(Kind kind, String requestedBy) {

    /** An attempt the flow started (the engine's job of the service task). */
    public static final AttemptOrigin FLOW = new AttemptOrigin(Kind.FLOW, null);

    public enum Kind {
        FLOW, RETRY, RESEND
    }

    public static AttemptOrigin retry(String username) {
        return new AttemptOrigin(Kind.RETRY, username);
    }

    public static AttemptOrigin resend(String username) {
        return new AttemptOrigin(Kind.RESEND, username);
    }
}

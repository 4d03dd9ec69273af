package com.flowstate.action;

import com.flowstate.mail.MailDeliveryException;

/**
 * Why an action could not do its work, in words a user can act on. Transient failures (a server down, a timeout)
 * are retried; permanent ones (a bad address, a missing template) end the execution at once.
 */
public class ActionFailure extends RuntimeException {

    private final boolean transientFailure;

    private ActionFailure(String reason, boolean transientFailure, Throwable cause) {
        super(reason, cause);
        this.transientFailure = transientFailure;
    }

    public static ActionFailure permanent(String reason) {
        return new ActionFailure(reason, false, null);
    }

    public static ActionFailure permanent(String reason, Throwable cause) {
        return new ActionFailure(reason, false, cause);
    }

    public static ActionFailure transientFailure(String reason, Throwable cause) {
        return new ActionFailure(reason, true, cause);
    }

    /** An SMTP hand-over that failed, as an action's outcome: permanent or transient as the server's answer says. */
    public static ActionFailure of(MailDeliveryException failed) {
        return new ActionFailure(failed.getMessage(), !failed.isPermanent(), failed);
    }

    public boolean isTransient() {
        return transientFailure;
    }
}

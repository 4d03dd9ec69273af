package com.flowstate.action;

import com.flowstate.i18n.Reason;
import com.flowstate.mail.MailDeliveryException;

/**
 * Why an action could not do its work, in words a user can act on. Transient failures (a server down, a timeout)
 * are retried; permanent ones (a bad address, a missing template) end the execution at once.
 *
 * <p>The reason is a code with named parameters ({@link Reason}), rendered in each reader's language; the
 * exception's message is its English text, for the log.
 */
public class ActionFailure extends RuntimeException {

    private final boolean transientFailure;
    private final transient Reason reason;

    private ActionFailure(Reason reason, boolean transientFailure, Throwable cause) {
        super(reason.text(), cause);
        this.reason = reason;
        this.transientFailure = transientFailure;
    }

    /** Trying again cannot help; parameters as name, value pairs ({@link Reason#of}). */
    public static ActionFailure permanent(String code, Object... namesAndValues) {
        return new ActionFailure(Reason.of(code, namesAndValues), false, null);
    }

    public static ActionFailure permanent(Throwable cause, String code, Object... namesAndValues) {
        return new ActionFailure(Reason.of(code, namesAndValues), false, cause);
    }

    public static ActionFailure permanent(Reason reason) {
        return new ActionFailure(reason, false, null);
    }

    public static ActionFailure permanent(Reason reason, Throwable cause) {
        return new ActionFailure(reason, false, cause);
    }

    /** Trying again later may help; parameters as name, value pairs ({@link Reason#of}). */
    public static ActionFailure transientFailure(Throwable cause, String code, Object... namesAndValues) {
        return new ActionFailure(Reason.of(code, namesAndValues), true, cause);
    }

    public static ActionFailure transientFailure(Reason reason, Throwable cause) {
        return new ActionFailure(reason, true, cause);
    }

    /** An SMTP hand-over that failed, as an action's outcome: permanent or transient as the server's answer says. */
    public static ActionFailure of(MailDeliveryException failed) {
        return new ActionFailure(failed.reason(), !failed.isPermanent(), failed);
    }

    public boolean isTransient() {
        return transientFailure;
    }

    public Reason reason() {
        return reason;
    }
}

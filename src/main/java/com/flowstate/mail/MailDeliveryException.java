package com.flowstate.mail;

import com.flowstate.i18n.Reason;

/**
 * SMTP did not take a message; {@code permanent} when trying again cannot help (5xx replies, bad addresses). The
 * reason is a code with parameters (the server's own reply stays a parameter, shown as it came); the message is its
 * English text.
 */
public class MailDeliveryException extends RuntimeException {

    private final boolean permanent;
    private final transient Reason reason;

    MailDeliveryException(Reason reason, boolean permanent, Throwable cause) {
        super(reason.text(), cause);
        this.reason = reason;
        this.permanent = permanent;
    }

    public boolean isPermanent() {
        return permanent;
    }

    public Reason reason() {
        return reason;
    }
}

package com.flowstate.mail;

/** SMTP did not take a message; {@code permanent} when trying again cannot help (5xx replies, bad addresses). */
public class MailDeliveryException extends RuntimeException {

    private final boolean permanent;

    MailDeliveryException(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    public boolean isPermanent() {
        return permanent;
    }
}

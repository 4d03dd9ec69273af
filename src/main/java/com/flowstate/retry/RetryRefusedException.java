package com.flowstate.retry;

/**
 * A retry or resend that cannot be done as asked (409 over REST): the row is not failed (or not sent), the action
 * cannot be run again outside its flow, the execution predates stored inputs. {@link #messageKey()} says it in the
 * user's language; the message says it in English for the API.
 */
public class RetryRefusedException extends RuntimeException {

    private final String messageKey;

    RetryRefusedException(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}

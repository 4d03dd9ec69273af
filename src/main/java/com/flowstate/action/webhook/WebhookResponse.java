package com.flowstate.action.webhook;

/**
 * What a webhook receiver answered.
 *
 * @param excerpt the start of the body, on one line; null when the body was empty
 */
record WebhookResponse(int statusCode, String excerpt) {

    boolean accepted() {
        return statusCode >= 200 && statusCode < 300;
    }

    /**
     * Worth retrying: the receiver failed (5xx), or asked us to come back (408 Request Timeout, 429 Too Many
     * Requests). Any other answer (4xx, a redirect) will be the same next time.
     */
    boolean retryable() {
        return statusCode >= 500 || statusCode == 408 || statusCode == 429;
    }
}

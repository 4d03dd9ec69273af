package com.flowstate.retry;

/** No such tab, row or batch for this user (404): another partner's row is answered like a row that does not exist. */
public class RetryTargetNotFoundException extends RuntimeException {

    RetryTargetNotFoundException(String message) {
        super(message);
    }
}

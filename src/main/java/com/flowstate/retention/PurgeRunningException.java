package com.flowstate.retention;

/** A purge is already running on this or another node: one at a time. */
public class PurgeRunningException extends RuntimeException {

    PurgeRunningException() {
        super("A retention purge is already running (the nightly job or another admin's): try again when it ends");
    }
}

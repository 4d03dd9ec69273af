package com.flowstate.security;

/** No active token of this id belongs to the user (another user's token is "not found" too). */
public class ApiTokenNotFoundException extends RuntimeException {

    public ApiTokenNotFoundException(long id) {
        super("No API token " + id + " of yours");
    }
}

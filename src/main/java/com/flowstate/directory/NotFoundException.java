package com.flowstate.directory;

/** A partner company or user id that does not exist (404). */
public class NotFoundException extends RuntimeException {

    NotFoundException(String what, long id) {
        super("No " + what + " with id " + id);
    }
}

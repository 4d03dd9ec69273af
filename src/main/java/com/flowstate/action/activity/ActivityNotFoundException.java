package com.flowstate.action.activity;

/** No such activity, or not one the user may see: the two are indistinguishable on purpose. */
public class ActivityNotFoundException extends RuntimeException {

    ActivityNotFoundException(long id) {
        super("Activity " + id + " not found");
    }
}

package com.flowstate.retention;

/** A retention out of its tab's range; {@link #tab()} names the field. */
public class RetentionDaysException extends IllegalArgumentException {

    private final RetentionTab tab;

    RetentionDaysException(RetentionTab tab, Integer days) {
        super("Invalid " + tab.key() + ": " + days + " days (expected " + tab.minDays() + " to " + tab.maxDays()
                + ")");
        this.tab = tab;
    }

    public RetentionTab tab() {
        return tab;
    }
}

package com.flowstate.action.activity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who on an opportunity an activity is for: its internal owner, or the installer or seller company assigned to it
 * (every user of that company sees the activity).
 */
public enum AssigneeRole {
    INTERNAL_USER, INSTALLER, SELLER;

    /** The role a designer wrote, ignoring case and surrounding blanks. */
    public static Optional<AssigneeRole> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String normalized = name.strip().toUpperCase();
        return Arrays.stream(values()).filter(role -> role.name().equals(normalized)).findFirst();
    }
}

package com.flowstate.action.export;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who on an opportunity an export may go to. Not the customer: an export holds many opportunities' data. A partner
 * gets its own company's opportunities only; the internal user gets everything.
 */
public enum ExportRecipientRole {
    INSTALLER, SELLER, INTERNAL_USER;

    /** Accepts any case and surrounding blanks; empty for an address or anything else. */
    public static Optional<ExportRecipientRole> parse(String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(role -> role.name().equals(value.strip().toUpperCase())).findFirst();
    }
}

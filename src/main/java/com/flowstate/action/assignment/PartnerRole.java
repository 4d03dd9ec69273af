package com.flowstate.action.assignment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.flowstate.partner.CompanyKind;

/** The role an Assign installer / seller action fills on the opportunity, with the companies that can fill it. */
public enum PartnerRole {
    INSTALLER(CompanyKind.INSTALLER, "installer_id"),
    SELLER(CompanyKind.SELLER, "seller_id");

    private final CompanyKind companyKind;
    private final String opportunityColumn;

    PartnerRole(CompanyKind companyKind, String opportunityColumn) {
        this.companyKind = companyKind;
        this.opportunityColumn = opportunityColumn;
    }

    public CompanyKind companyKind() {
        return companyKind;
    }

    /** The opportunity's column holding the company in this role; a constant of the code, never user input. */
    String opportunityColumn() {
        return opportunityColumn;
    }

    /** Any case, blanks around it allowed; empty for anything else. */
    public static Optional<PartnerRole> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }
}

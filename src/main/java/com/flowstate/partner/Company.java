package com.flowstate.partner;

/** A company: the platform company or a partner company. */
public record Company(long id, String name, CompanyKind kind, String email) {

    public boolean isPartner() {
        return kind != CompanyKind.PLATFORM;
    }
}

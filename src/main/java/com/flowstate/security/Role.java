package com.flowstate.security;

/** What a user may do. Partner users see only their company's opportunities. */
public enum Role {
    ADMIN, DESIGNER, INTERNAL, PARTNER;

    public String authority() {
        return "ROLE_" + name();
    }
}

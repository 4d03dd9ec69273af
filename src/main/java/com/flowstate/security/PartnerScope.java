package com.flowstate.security;

import java.util.OptionalLong;

/**
 * Which opportunities a query may return: all of them (platform users), or those assigned to one partner company.
 * Every query that returns opportunity data takes one, so the scope holds in the UI, the REST API and exports alike.
 */
public record PartnerScope(OptionalLong companyId) {

    public static PartnerScope everything() {
        return new PartnerScope(OptionalLong.empty());
    }

    public static PartnerScope company(long companyId) {
        return new PartnerScope(OptionalLong.of(companyId));
    }

    public boolean isRestricted() {
        return companyId.isPresent();
    }
}

package com.flowstate.action.export;

import com.flowstate.security.PartnerScope;

/**
 * Whom an export goes to and, following from that, which opportunities it may hold.
 *
 * @param scope what the recipient may see: one partner company's opportunities, or all of them for platform users
 */
record ExportRecipient(String email, PartnerScope scope) {

    /** The partner company whose data the file holds; null = every company's. */
    Long scopeCompanyId() {
        return scope.isRestricted() ? scope.companyId().getAsLong() : null;
    }
}

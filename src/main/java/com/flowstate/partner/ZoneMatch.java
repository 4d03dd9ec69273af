package com.flowstate.partner;

/**
 * A partner company whose zone covers an address, with the zone that does. A postal-code prefix is more specific
 * than a province, and a longer prefix more specific than a shorter one: {@link #specificity()} orders them.
 */
public record ZoneMatch(long companyId, String companyName, PartnerZone zone) {

    /** 0 for a province; the prefix's length (1–5) for a postal-code prefix. */
    public int specificity() {
        return zone.isPostalCode() ? zone.postalCodePrefix().length() : 0;
    }
}

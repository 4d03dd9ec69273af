package com.flowstate.partner;

/**
 * An area a partner company covers: a province (two letters, e.g. {@code MI}) or a postal-code prefix (1 to 5 digits,
 * e.g. {@code 201} for Milan's 201xx codes). Exactly one of the two is set. The company's kind says for which role
 * (installer or seller) it covers the zone.
 */
public record PartnerZone(long id, long companyId, String province, String postalCodePrefix) {

    public boolean isPostalCode() {
        return postalCodePrefix != null;
    }

    /** The zone as users write it: {@code MI}, or {@code 201*} for a postal-code prefix. */
    public String label() {
        return isPostalCode() ? postalCodePrefix + "*" : province;
    }
}

package com.flowstate.directory;

import java.util.List;

import com.flowstate.partner.CompanyKind;

/**
 * A partner company as an admin writes it.
 *
 * @param kind               INSTALLER or SELLER
 * @param provinces          two-letter codes of the provinces it serves
 * @param postalCodePrefixes postal-code prefixes (1 to 5 digits) it serves
 */
public record PartnerRequest(String name, CompanyKind kind, String email, List<String> provinces,
                             List<String> postalCodePrefixes) {

    public PartnerRequest {
        provinces = provinces == null ? List.of() : List.copyOf(provinces);
        postalCodePrefixes = postalCodePrefixes == null ? List.of() : List.copyOf(postalCodePrefixes);
    }
}

package com.flowstate.directory;

import java.util.List;

import com.flowstate.partner.CompanyKind;

/** A partner company as the admin views and REST API show it: its zones, whether it is active, how many users. */
public record PartnerDetails(long id, String name, CompanyKind kind, String email, boolean active,
                             List<String> provinces, List<String> postalCodePrefixes, long users) {

    /** The zones as users write them: {@code MI, 201*}. */
    public String zonesLabel() {
        return String.join(", ", java.util.stream.Stream.concat(provinces.stream(),
                postalCodePrefixes.stream().map(prefix -> prefix + "*")).toList());
    }
}

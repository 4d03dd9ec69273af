package com.flowstate.opportunity;

import java.time.Instant;

/**
 * An opportunity with its customer, address, the partners and internal user assigned to it, and the flow it runs
 * (its type, the flow's key and version; null for an opportunity opened before types existed), and the language the
 * customer reads ({@code it}, {@code en} or {@code es}; see {@link CustomerLanguages}).
 */
public record Opportunity(
        long id,
        String name,
        String customerName,
        String customerEmail,
        String customerPhone,
        String street,
        String city,
        String postalCode,
        String province,
        Long installerId,
        String installerName,
        String installerEmail,
        Long sellerId,
        String sellerName,
        String sellerEmail,
        String ownerUsername,
        String ownerName,
        String ownerEmail,
        String processInstanceId,
        Instant createdAt,
        String typeKey,
        String flowKey,
        Integer flowVersion,
        String customerLanguage) {
}

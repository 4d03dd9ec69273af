package com.flowstate.opportunity;

import java.time.Instant;

/** An opportunity with its customer, address and the partners and internal user assigned to it. */
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
        Instant createdAt) {
}

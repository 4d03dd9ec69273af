package com.flowstate.opportunity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What it takes to open an opportunity. Installer, seller and owner are optional; the name defaults to one built
 * from the customer.
 */
public record NewOpportunity(
        String name,
        @NotBlank @Size(max = 200) String customerName,
        @Email String customerEmail,
        String customerPhone,
        String street,
        String city,
        @NotBlank @Pattern(regexp = "\\d{5}", message = "must be a 5-digit postal code") String postalCode,
        @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be a 2-letter province code") String province,
        Long installerId,
        Long sellerId,
        String ownerUsername) {
}

package com.flowstate.opportunity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What it takes to open an opportunity. Installer, seller and owner are optional; the name defaults to one built
 * from the customer. The opportunity starts on the flow its type names ({@code type}, e.g. {@code residential}; none:
 * the default flow), or on {@code flowKey} when given. The customer reads e-mails in {@code customerLanguage}
 * (it, en or es; none: Italian).
 */
public record NewOpportunity(
        @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String customerName,
        @Email @Size(max = 254) String customerEmail,
        @Size(max = 40) String customerPhone,
        @Size(max = 200) String street,
        @Size(max = 100) String city,
        @NotBlank @Pattern(regexp = "\\d{5}", message = "must be a 5-digit postal code") String postalCode,
        @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be a 2-letter province code") String province,
        Long installerId,
        Long sellerId,
        @Size(max = 100) String ownerUsername,
        @Size(max = 40) String type,
        @Size(max = 255) String flowKey,
        @Pattern(regexp = "it|en|es", message = "must be it, en or es") String customerLanguage) {

    /** An opportunity of no particular type, on the default flow. */
    public NewOpportunity(String name, String customerName, String customerEmail, String customerPhone, String street,
                          String city, String postalCode, String province, Long installerId, Long sellerId,
                          String ownerUsername) {
        this(name, customerName, customerEmail, customerPhone, street, city, postalCode, province, installerId,
                sellerId, ownerUsername, null, null, null);
    }

    /** An opportunity of a type or on a flow, for an Italian customer. */
    public NewOpportunity(String name, String customerName, String customerEmail, String customerPhone, String street,
                          String city, String postalCode, String province, Long installerId, Long sellerId,
                          String ownerUsername, String type, String flowKey) {
        this(name, customerName, customerEmail, customerPhone, street, city, postalCode, province, installerId,
                sellerId, ownerUsername, type, flowKey, null);
    }
}

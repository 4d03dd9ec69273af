package com.flowstate.action.email;

import java.util.List;

import com.flowstate.action.ActionFailure;
import com.flowstate.mail.MailDeliveryException;
import com.flowstate.mail.SmtpMailer;
import com.flowstate.opportunity.Opportunity;

/**
 * Who on an opportunity a {@link RecipientRole} means, as an e-mail address. Shared by every action that mails
 * someone on the opportunity (Send e-mail, Send report), so they resolve roles and word their failures alike.
 */
public final class RecipientAddresses {

    private RecipientAddresses() {
    }

    /**
     * The address of whoever holds the role on the opportunity.
     *
     * @param role a {@link RecipientRole} name as the designer wrote it (any case, blanks around it allowed)
     * @throws ActionFailure a permanent one, naming the unknown role or who lacks an address
     */
    public static String of(Opportunity opportunity, String role) {
        RecipientRole recipientRole;
        try {
            recipientRole = RecipientRole.valueOf(role == null ? "" : role.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ActionFailure.permanent("Unknown recipient role '" + role + "' (expected one of "
                    + List.of(RecipientRole.values()) + ")");
        }
        return switch (recipientRole) {
            case CUSTOMER -> required(opportunity.customerEmail(), "Customer " + opportunity.customerName()
                    + " has no e-mail address");
            case INSTALLER -> required(opportunity.installerId() == null ? null : opportunity.installerEmail(),
                    opportunity.installerId() == null ? "No installer is assigned to the opportunity"
                            : "Installer " + opportunity.installerName() + " has no e-mail address");
            case SELLER -> required(opportunity.sellerId() == null ? null : opportunity.sellerEmail(),
                    opportunity.sellerId() == null ? "No seller is assigned to the opportunity"
                            : "Seller " + opportunity.sellerName() + " has no e-mail address");
            case INTERNAL_USER -> required(opportunity.ownerEmail(), opportunity.ownerUsername() == null
                    ? "No internal user is assigned to the opportunity"
                    : "User " + opportunity.ownerUsername() + " has no e-mail address");
        };
    }

    /**
     * The address if it is a syntactically valid single address.
     *
     * @throws ActionFailure a permanent one naming the address: sending to it can never work
     */
    public static String requireValid(String address) {
        try {
            return SmtpMailer.requireValidAddress(address);
        } catch (MailDeliveryException e) {
            throw ActionFailure.permanent("Invalid recipient address '" + address + "'", e);
        }
    }

    private static String required(String value, String reasonWhenMissing) {
        if (value == null || value.isBlank()) {
            throw ActionFailure.permanent(reasonWhenMissing);
        }
        return value;
    }
}

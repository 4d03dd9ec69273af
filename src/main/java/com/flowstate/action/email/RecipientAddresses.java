package com.flowstate.action.email;

import java.util.List;

import com.flowstate.action.ActionFailure;
import com.flowstate.i18n.Reason;
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
            throw ActionFailure.permanent("parameter.unknownRecipientRole", "value", role,
                    "expected", List.of(RecipientRole.values()));
        }
        return switch (recipientRole) {
            case CUSTOMER -> required(opportunity.customerEmail(),
                    Reason.of("recipient.customerNoEmail", "name", opportunity.customerName()));
            case INSTALLER -> required(opportunity.installerId() == null ? null : opportunity.installerEmail(),
                    opportunity.installerId() == null ? Reason.of("opportunity.noInstaller")
                            : Reason.of("recipient.installerNoEmail", "name", opportunity.installerName()));
            case SELLER -> required(opportunity.sellerId() == null ? null : opportunity.sellerEmail(),
                    opportunity.sellerId() == null ? Reason.of("opportunity.noSeller")
                            : Reason.of("recipient.sellerNoEmail", "name", opportunity.sellerName()));
            case INTERNAL_USER -> required(opportunity.ownerEmail(), opportunity.ownerUsername() == null
                    ? Reason.of("opportunity.noInternalUser")
                    : Reason.of("recipient.userNoEmail", "name", opportunity.ownerUsername()));
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
            throw ActionFailure.permanent(e, "mail.invalidRecipient", "address", address);
        }
    }

    private static String required(String value, Reason reasonWhenMissing) {
        if (value == null || value.isBlank()) {
            throw ActionFailure.permanent(reasonWhenMissing);
        }
        return value;
    }
}

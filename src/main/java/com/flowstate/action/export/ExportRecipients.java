package com.flowstate.action.export;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.flowstate.action.ActionFailure;
import com.flowstate.i18n.Reason;
import com.flowstate.mail.MailDeliveryException;
import com.flowstate.mail.SmtpMailer;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.CompanyKind;
import com.flowstate.security.PartnerScope;

/**
 * Resolves an export template's recipient to an address and a partner scope. An export runs without a signed-in
 * user, so the recipient stands in for one: the file holds only what the recipient could see in Flowstate itself.
 * <ul>
 *   <li>INSTALLER / SELLER: the opportunity's partner company, scoped to that company's opportunities;</li>
 *   <li>INTERNAL_USER: the opportunity's internal user, every opportunity;</li>
 *   <li>an address: the company of the user or company with that address; an address Flowstate does not know is
 *   refused, since nothing would say which opportunities it may receive.</li>
 * </ul>
 */
@Component
class ExportRecipients {

    private final JdbcClient jdbc;

    ExportRecipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param opportunity the opportunity whose flow runs the export; empty for a scheduled export
     * @throws ActionFailure (permanent) when the recipient cannot be resolved
     */
    ExportRecipient resolve(String recipient, Optional<Opportunity> opportunity) {
        if (recipient == null || recipient.isBlank()) {
            throw ActionFailure.permanent("export.noRecipient");
        }
        Optional<ExportRecipientRole> role = ExportRecipientRole.parse(recipient);
        if (role.isPresent()) {
            Opportunity of = opportunity.orElseThrow(() -> ActionFailure.permanent("export.roleNeedsOpportunity",
                    "role", role.get()));
            return byRole(role.get(), of);
        }
        return byAddress(validAddress(recipient.strip()));
    }

    private static ExportRecipient byRole(ExportRecipientRole role, Opportunity opportunity) {
        return switch (role) {
            case INSTALLER -> {
                if (opportunity.installerId() == null) {
                    throw ActionFailure.permanent("opportunity.noInstaller");
                }
                yield new ExportRecipient(validAddress(required(opportunity.installerEmail(),
                        Reason.of("recipient.installerNoEmail", "name", opportunity.installerName()))),
                        PartnerScope.company(opportunity.installerId()));
            }
            case SELLER -> {
                if (opportunity.sellerId() == null) {
                    throw ActionFailure.permanent("opportunity.noSeller");
                }
                yield new ExportRecipient(validAddress(required(opportunity.sellerEmail(),
                        Reason.of("recipient.sellerNoEmail", "name", opportunity.sellerName()))),
                        PartnerScope.company(opportunity.sellerId()));
            }
            case INTERNAL_USER -> new ExportRecipient(validAddress(required(opportunity.ownerEmail(),
                    opportunity.ownerUsername() == null ? Reason.of("opportunity.noInternalUser")
                            : Reason.of("recipient.userNoEmail", "name", opportunity.ownerUsername()))),
                    PartnerScope.everything());
        };
    }

    private ExportRecipient byAddress(String address) {
        List<Owner> owners = jdbc.sql("""
                        select c.id company_id, c.kind from company c where lower(c.email) = lower(?)
                        union
                        select c.id, c.kind from app_user u join company c on c.id = u.company_id
                        where lower(u.email) = lower(?) and u.enabled""")
                .params(address, address).query(Owner.class).list();
        if (owners.isEmpty()) {
            throw ActionFailure.permanent("export.unknownRecipient", "address", address);
        }
        if (owners.size() > 1) {
            throw ActionFailure.permanent("export.ambiguousRecipient", "address", address);
        }
        Owner owner = owners.get(0);
        return new ExportRecipient(address, CompanyKind.valueOf(owner.kind()) == CompanyKind.PLATFORM
                ? PartnerScope.everything() : PartnerScope.company(owner.companyId()));
    }

    private static String required(String value, Reason reasonWhenMissing) {
        if (value == null || value.isBlank()) {
            throw ActionFailure.permanent(reasonWhenMissing);
        }
        return value;
    }

    private static String validAddress(String address) {
        try {
            return SmtpMailer.requireValidAddress(address);
        } catch (MailDeliveryException e) {
            throw ActionFailure.permanent(e, "mail.invalidRecipient", "address", address);
        }
    }

    private record Owner(long companyId, String kind) {
    }
}

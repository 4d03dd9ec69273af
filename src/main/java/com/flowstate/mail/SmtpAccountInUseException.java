package com.flowstate.mail;

import java.util.List;
import java.util.stream.Collectors;

import com.flowstate.i18n.Reason;

/** An SMTP account that deployed flows or export templates name cannot be deleted or renamed: they would break. */
public class SmtpAccountInUseException extends RuntimeException {

    private final transient Reason reason;
    private final transient List<SmtpAccountUse> uses;

    SmtpAccountInUseException(String account, List<SmtpAccountUse> uses) {
        this(reason(account, uses), uses);
    }

    private SmtpAccountInUseException(Reason reason, List<SmtpAccountUse> uses) {
        super(reason.text());
        this.reason = reason;
        this.uses = List.copyOf(uses);
    }

    public Reason reason() {
        return reason;
    }

    public List<SmtpAccountUse> uses() {
        return uses;
    }

    private static Reason reason(String account, List<SmtpAccountUse> uses) {
        String flows = names(uses, SmtpAccountUse.Kind.FLOW);
        String templates = names(uses, SmtpAccountUse.Kind.EXPORT_TEMPLATE);
        if (templates.isEmpty()) {
            return Reason.of("smtpAccount.inUseByFlows", "name", account, "flows", flows);
        }
        if (flows.isEmpty()) {
            return Reason.of("smtpAccount.inUseByTemplates", "name", account, "templates", templates);
        }
        return Reason.of("smtpAccount.inUseByBoth", "name", account, "flows", flows, "templates", templates);
    }

    private static String names(List<SmtpAccountUse> uses, SmtpAccountUse.Kind kind) {
        return uses.stream().filter(use -> use.kind() == kind).map(SmtpAccountUse::name).distinct().sorted()
                .collect(Collectors.joining(", "));
    }
}

package com.flowstate.action.export;

import java.util.List;

import org.springframework.stereotype.Component;

import com.flowstate.mail.SmtpAccountUse;
import com.flowstate.mail.SmtpAccountUsage;

/** The export templates that send their files through an SMTP account. */
@Component
class ExportTemplatesUsingSmtpAccount implements SmtpAccountUsage {

    private final ExportTemplateService templates;

    ExportTemplatesUsingSmtpAccount(ExportTemplateService templates) {
        this.templates = templates;
    }

    @Override
    public List<SmtpAccountUse> usesOf(String accountName) {
        return templates.findAll().stream()
                .filter(template -> accountName.equals(template.smtpCredentialName()))
                .map(template -> new SmtpAccountUse(SmtpAccountUse.Kind.EXPORT_TEMPLATE, template.name()))
                .toList();
    }
}

package com.flowstate.action.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.flowstate.action.email.RecipientRole;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionReferenceCheck;
import com.flowstate.flow.ActionType;
import com.flowstate.mail.SmtpCredentialService;

/**
 * Deploy-time checks of a Send report task: a recipient role from the list, and a report template and SMTP account
 * that exist. Values given as expressions ({@code ${...}}) are resolved only when the action runs and are not checked.
 */
@Component
class ReportReferenceCheck implements ActionReferenceCheck {

    private final ReportTemplateService templates;
    private final SmtpCredentialService credentials;

    ReportReferenceCheck(ReportTemplateService templates, SmtpCredentialService credentials) {
        this.templates = templates;
        this.credentials = credentials;
    }

    @Override
    public ActionType type() {
        return ActionType.REPORT;
    }

    @Override
    public List<String> modelProblems(ActionDefinition action, Set<String> substateKeys) {
        List<String> problems = new ArrayList<>();
        for (String required : List.of(SendReportAction.REPORT_TEMPLATE, SendReportAction.SMTP_CREDENTIAL,
                SendReportAction.RECIPIENT_ROLE)) {
            String value = action.parameter(required);
            if (value == null || value.isBlank()) {
                problems.add("input parameter '" + required + "' is missing");
            }
        }
        String role = action.parameter(SendReportAction.RECIPIENT_ROLE);
        if (isLiteral(role) && Arrays.stream(RecipientRole.values()).noneMatch(r -> r.name().equals(role.strip()))) {
            problems.add("unknown recipient role '" + role + "' (expected one of "
                    + Arrays.toString(RecipientRole.values()) + ")");
        }
        return problems;
    }

    @Override
    public List<String> dataProblems(ActionDefinition action) {
        List<String> problems = new ArrayList<>();
        String template = action.parameter(SendReportAction.REPORT_TEMPLATE);
        if (isLiteral(template) && templates.findByName(template).isEmpty()) {
            problems.add("unknown report template '" + template + "'");
        }
        String credential = action.parameter(SendReportAction.SMTP_CREDENTIAL);
        if (isLiteral(credential) && credentials.findByName(credential).isEmpty()) {
            problems.add("unknown SMTP credentials '" + credential + "'");
        }
        return problems;
    }

    /** A value the designer wrote as is, not an expression the engine evaluates when the action runs. */
    static boolean isLiteral(String value) {
        return value != null && !value.isBlank() && !value.contains("${") && !value.contains("#{");
    }
}

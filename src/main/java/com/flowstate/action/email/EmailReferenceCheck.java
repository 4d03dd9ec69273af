package com.flowstate.action.email;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionReferenceCheck;
import com.flowstate.flow.ActionType;
import com.flowstate.mail.SmtpCredentialService;

/**
 * Deploy-time checks of a Send e-mail task: a recipient role from the list, and a template and SMTP account that
 * exist. Values given as expressions ({@code ${...}}) are resolved only when the action runs and are not checked.
 */
@Component
class EmailReferenceCheck implements ActionReferenceCheck {

    private final EmailTemplateService templates;
    private final SmtpCredentialService credentials;

    EmailReferenceCheck(EmailTemplateService templates, SmtpCredentialService credentials) {
        this.templates = templates;
        this.credentials = credentials;
    }

    @Override
    public ActionType type() {
        return ActionType.EMAIL;
    }

    @Override
    public List<String> modelProblems(ActionDefinition action, Set<String> substateKeys) {
        List<String> problems = new ArrayList<>();
        for (String required : List.of(SendEmailAction.TEMPLATE, SendEmailAction.SMTP_CREDENTIAL,
                SendEmailAction.RECIPIENT_ROLE)) {
            String value = action.parameter(required);
            if (value == null || value.isBlank()) {
                problems.add("input parameter '" + required + "' is missing");
            }
        }
        String role = action.parameter(SendEmailAction.RECIPIENT_ROLE);
        if (isLiteral(role) && Arrays.stream(RecipientRole.values()).noneMatch(r -> r.name().equals(role))) {
            problems.add("unknown recipient role '" + role + "' (expected one of "
                    + Arrays.toString(RecipientRole.values()) + ")");
        }
        return problems;
    }

    @Override
    public List<String> dataProblems(ActionDefinition action) {
        List<String> problems = new ArrayList<>();
        String template = action.parameter(SendEmailAction.TEMPLATE);
        if (isLiteral(template) && templates.findByName(template).isEmpty()) {
            problems.add("unknown e-mail template '" + template + "'");
        }
        String credential = action.parameter(SendEmailAction.SMTP_CREDENTIAL);
        if (isLiteral(credential) && credentials.findByName(credential).isEmpty()) {
            problems.add("unknown SMTP credentials '" + credential + "'");
        }
        return problems;
    }

    private static boolean isLiteral(String value) {
        return value != null && !value.isBlank() && !value.contains("${") && !value.contains("#{");
    }
}

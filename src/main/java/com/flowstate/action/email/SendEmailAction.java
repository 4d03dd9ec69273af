package com.flowstate.action.email;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.flowstate.action.Action;
import com.flowstate.action.ActionRunner;
import com.flowstate.mail.SmtpCredentialService;

/**
 * Send e-mail ({@code ${sendEmailAction}}): renders an e-mail template for the opportunity and sends it through an
 * SMTP account to the holder of a role. Its history tab is the E-mail tab ({@code email_history}).
 */
@Component
public class SendEmailAction extends Action<EmailParameters> {

    private final EmailTemplateService templates;
    private final SmtpCredentialService credentials;

    SendEmailAction(ActionRunner runner, EmailActionService emails, EmailTemplateService templates,
                    SmtpCredentialService credentials) {
        super(EmailParameters.class, "email_history", runner, emails::send);
        this.templates = templates;
        this.credentials = credentials;
    }

    /** Template, account and recipient role are known from the model before the first attempt. */
    @Override
    protected Map<String, Object> scheduledColumns(EmailParameters parameters) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("template_name", nonNull(parameters.template()));
        columns.put("smtp_credential_name", nonNull(parameters.smtpCredential()));
        columns.put("recipient_role", parameters.recipientRole());
        return columns;
    }

    @Override
    protected List<String> modelProblems(EmailParameters parameters, Set<String> substateKeys) {
        String role = parameters.recipientRole();
        if (isLiteral(role) && Arrays.stream(RecipientRole.values()).noneMatch(r -> r.name().equals(role))) {
            return List.of("unknown recipient role '" + role + "' (expected one of "
                    + Arrays.toString(RecipientRole.values()) + ")");
        }
        return List.of();
    }

    @Override
    protected List<String> dataProblems(EmailParameters parameters) {
        return Stream.concat(
                unknownName(parameters.template(), name -> templates.findByName(name).isPresent(),
                        "unknown e-mail template '%s'"),
                unknownName(parameters.smtpCredential(), name -> credentials.findByName(name).isPresent(),
                        "unknown SMTP credentials '%s'")).toList();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** The timeline line of an execution (see {@link Action#timelineSummary()}). */
    @Override
    protected String timelineSummary() {
        return "concat_ws(' → ', h.template_name, h.recipient_email)";
    }
}

package com.flowstate.action.report;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.flowstate.action.Action;
import com.flowstate.action.ActionRunner;
import com.flowstate.action.email.RecipientRole;
import com.flowstate.mail.SmtpCredentialService;

/**
 * Send report ({@code ${sendReportAction}}): fills a .docx report template for the opportunity and mails it through
 * an SMTP account to the holder of a role ({@link ReportActionService}). Its history tab is the Reports tab
 * ({@code report_history}).
 */
@Component
public class SendReportAction extends Action<ReportParameters> {

    private final ReportTemplateService templates;
    private final SmtpCredentialService credentials;

    SendReportAction(ActionRunner runner, ReportActionService reports, ReportTemplateService templates,
                     SmtpCredentialService credentials) {
        super(ReportParameters.class, "report_history", runner, reports::send);
        this.templates = templates;
        this.credentials = credentials;
    }

    /**
     * Template, account and recipient role are known from the model before the first attempt when the designer
     * wrote them literally; an expression ({@code ${...}}) is only known once the attempt reads it.
     */
    @Override
    protected Map<String, Object> scheduledColumns(ReportParameters parameters) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("template_name", literalOrEmpty(parameters.reportTemplate()));
        columns.put("smtp_credential_name", literalOrEmpty(parameters.smtpCredential()));
        String role = literalOrEmpty(parameters.recipientRole());
        columns.put("recipient_role", role.isEmpty() ? null : role);
        return columns;
    }

    /** A recipient role from the list; an expression is resolved only when the action runs and is not checked. */
    @Override
    protected List<String> modelProblems(ReportParameters parameters, Set<String> substateKeys) {
        String role = parameters.recipientRole();
        if (isLiteral(role) && Arrays.stream(RecipientRole.values()).noneMatch(r -> r.name().equals(role.strip()))) {
            return List.of("unknown recipient role '" + role + "' (expected one of "
                    + Arrays.toString(RecipientRole.values()) + ")");
        }
        return List.of();
    }

    /** A report template and an SMTP account that exist, when written literally. */
    @Override
    protected List<String> dataProblems(ReportParameters parameters) {
        return Stream.concat(
                unknownName(parameters.reportTemplate(), name -> templates.findByName(name).isPresent(),
                        "unknown report template '%s'"),
                unknownName(parameters.smtpCredential(), name -> credentials.findByName(name).isPresent(),
                        "unknown SMTP credentials '%s'")).toList();
    }

    private static String literalOrEmpty(String parameter) {
        return isLiteral(parameter) ? parameter : "";
    }

    /** The timeline line of an execution (see {@link Action#timelineSummary()}). */
    @Override
    protected String timelineSummary() {
        return "concat_ws(' → ', h.template_name, h.recipient_email)";
    }
}

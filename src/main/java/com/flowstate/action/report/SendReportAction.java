package com.flowstate.action.report;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.flowstate.action.ActionDelegate;
import com.flowstate.flow.ActionAttempts;

/**
 * BPMN glue of the Send report action ({@code camunda:delegateExpression="${sendReportAction}"}): reads the service
 * task's input parameters and lets {@link ReportActionService} do the work.
 */
@Component("sendReportAction")
public class SendReportAction implements ActionDelegate {

    /** Input parameter: name of the report template (.docx). */
    public static final String REPORT_TEMPLATE = "reportTemplate";
    /** Input parameter: name of the SMTP credentials to send through. */
    public static final String SMTP_CREDENTIAL = "smtpCredential";
    /** Input parameter: CUSTOMER, INSTALLER, SELLER or INTERNAL_USER, as for Send e-mail. */
    public static final String RECIPIENT_ROLE = "recipientRole";

    private final ActionAttempts attempts;
    private final ReportActionService reports;

    SendReportAction(ActionAttempts attempts, ReportActionService reports) {
        this.attempts = attempts;
        this.reports = reports;
    }

    @Override
    public Set<String> inputParameters() {
        return Set.of(REPORT_TEMPLATE, SMTP_CREDENTIAL, RECIPIENT_ROLE);
    }

    @Override
    public void execute(DelegateExecution execution) {
        reports.send(attempts.current(execution), new ReportRequest(text(execution, REPORT_TEMPLATE),
                text(execution, SMTP_CREDENTIAL), text(execution, RECIPIENT_ROLE)));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariableLocal(name);
        return value == null ? null : value.toString();
    }
}

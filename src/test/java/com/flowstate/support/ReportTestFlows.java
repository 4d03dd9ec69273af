package com.flowstate.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RuntimeService;

import com.flowstate.action.report.ReportHistoryFilter;
import com.flowstate.action.report.ReportHistoryQuery;
import com.flowstate.action.report.ReportHistoryRow;
import com.flowstate.action.report.ReportTemplateService;
import com.flowstate.action.report.SampleReportTemplate;
import com.flowstate.history.HistorySort;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.security.PartnerScope;

/**
 * Drives the report test flow (bpmn in src/test/resources): substate ReportDraft opens and creates a survey
 * activity; closing it sends the report with the given parameters. Built from the test's own beans, so the shared
 * test context stays as it is.
 */
public final class ReportTestFlows {

    /** Name of the report substate's survey activity subject, before the customer's name. */
    public static final String SURVEY_SUBJECT = "Sopralluogo presso ";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final RuntimeService runtime;
    private final ReportTemplateService templates;
    private final ReportHistoryQuery reports;

    public ReportTestFlows(RuntimeService runtime, ReportTemplateService templates, ReportHistoryQuery reports) {
        this.runtime = runtime;
        this.templates = templates;
        this.reports = reports;
    }

    /** Saves the sample template under {@link SampleReportTemplate#NAME}, once. */
    public void sampleTemplate() {
        if (templates.findByName(SampleReportTemplate.NAME).isEmpty()) {
            templates.save(SampleReportTemplate.NAME, SampleReportTemplate.docx());
        }
    }

    /** Starts the flow and waits until substate ReportDraft is open with its survey activity created. */
    public String openDraft(Opportunity opportunity, String template, String smtpCredential, String recipientRole,
                            boolean failAfterSend) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("reportTemplate", template);
        variables.put("smtpCredential", smtpCredential);
        variables.put("recipientRole", recipientRole);
        variables.put("failAfterSend", failAfterSend);
        String processInstanceId = runtime.startProcessInstanceByKey("ReportTestFlow",
                String.valueOf(opportunity.id()), variables).getId();
        // The survey activity is created by a job; the draft waits to be closed once that job is done.
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> runtime.createExecutionQuery().processInstanceId(processInstanceId)
                        .activityId("ReportDraft_Open").count() == 1);
        return processInstanceId;
    }

    /** Closes substate ReportDraft as the UI does, by its close message: its on-close report action runs. */
    public void closeDraft(String processInstanceId) {
        runtime.createMessageCorrelation("close:ReportDraft").processInstanceId(processInstanceId).correlate();
    }

    /** Opens the draft, closes it and waits for the report's row to meet the condition. */
    public ReportHistoryRow sendOnClose(Opportunity opportunity, String template, String smtpCredential,
                                        String recipientRole, Predicate<ReportHistoryRow> condition) {
        closeDraft(openDraft(opportunity, template, smtpCredential, recipientRole, false));
        return awaitRow(opportunity.id(), condition);
    }

    public List<ReportHistoryRow> rows(long opportunityId) {
        return reports.page(PartnerScope.everything(), ReportHistoryFilter.ofOpportunity(opportunityId),
                HistorySort.asc("createdAt"), null, 500).items();
    }

    public ReportHistoryRow awaitRow(long opportunityId, Predicate<ReportHistoryRow> condition) {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> rows(opportunityId).stream().filter(condition).findFirst().orElse(null),
                        row -> row != null);
    }
}

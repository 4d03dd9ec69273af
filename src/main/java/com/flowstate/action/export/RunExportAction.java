package com.flowstate.action.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.flowstate.action.Action;
import com.flowstate.action.ActionRunner;

/**
 * Export ({@code ${runExportAction}}): runs an export template and e-mails the file. It runs where a flow places it
 * (on a substate event) and on the template's own cron, in the process {@link ExportSchedules} schedules for it
 * (without an opportunity). Its history tab is the Exports tab ({@code export_history}).
 */
@Component
public class RunExportAction extends Action<ExportParameters> {

    /** Input parameter: name of the export template. */
    public static final String EXPORT_TEMPLATE = "exportTemplate";

    private final ExportTemplateService templates;

    RunExportAction(ActionRunner runner, ExportActionService exports, ExportTemplateService templates) {
        super(ExportParameters.class, "export_history", runner, (attempt, parameters, row) -> exports.run(attempt, parameters.exportTemplate(), row));
        this.templates = templates;
    }

    /**
     * When the model names the template literally, type, extension, recipient and SMTP account are copied from it
     * as soon as the execution is scheduled, so a waiting row already says what it will do.
     */
    @Override
    protected Map<String, Object> scheduledColumns(ExportParameters parameters) {
        String name = parameters.exportTemplate();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("template_name", name == null ? "" : name);
        if (isLiteral(name)) {
            templates.findByName(name)
                    .ifPresent(template -> columns.putAll(ExportActionService.templateColumns(template)));
        }
        return columns;
    }

    /** A template given as an expression ({@code ${...}}) is resolved only when the action runs and is not checked. */
    @Override
    protected List<String> dataProblems(ExportParameters parameters) {
        return unknownName(parameters.exportTemplate(), name -> templates.findByName(name).isPresent(),
                "unknown export template '%s'").toList();
    }

    /** The timeline line of an execution (see {@link Action#timelineSummary()}). */
    @Override
    protected String timelineSummary() {
        return "concat_ws(' → ', h.template_name, coalesce(h.recipient_email, h.recipient))";
    }
}

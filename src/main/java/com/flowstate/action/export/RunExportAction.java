package com.flowstate.action.export;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.flowstate.action.ActionDelegate;

/**
 * BPMN glue of the Export action ({@code camunda:delegateExpression="${runExportAction}"}): reads the service task's
 * input parameter and lets {@link ExportActionService} do the work. It runs in an opportunity's flow (on a substate
 * event) and in the processes {@link ExportScheduleDeployer} deploys for scheduled templates.
 */
@Component("runExportAction")
public class RunExportAction implements ActionDelegate {

    /** Input parameter: name of the export template. */
    public static final String EXPORT_TEMPLATE = "exportTemplate";

    private final ExportRuns runs;
    private final ExportActionService exports;

    RunExportAction(ExportRuns runs, ExportActionService exports) {
        this.runs = runs;
        this.exports = exports;
    }

    @Override
    public Set<String> inputParameters() {
        return Set.of(EXPORT_TEMPLATE);
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object template = execution.getVariableLocal(EXPORT_TEMPLATE);
        exports.run(runs.current(execution), template == null ? null : template.toString());
    }
}

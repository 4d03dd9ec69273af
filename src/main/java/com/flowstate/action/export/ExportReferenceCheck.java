package com.flowstate.action.export;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionReferenceCheck;
import com.flowstate.flow.ActionType;

/**
 * Deploy-time checks of an Export task: it names an export template, and the template exists. A template given as
 * an expression ({@code ${...}}) is resolved only when the action runs and is not checked.
 */
@Component
class ExportReferenceCheck implements ActionReferenceCheck {

    private final ExportTemplateService templates;

    ExportReferenceCheck(ExportTemplateService templates) {
        this.templates = templates;
    }

    @Override
    public ActionType type() {
        return ActionType.EXPORT;
    }

    @Override
    public List<String> modelProblems(ActionDefinition action, Set<String> substateKeys) {
        String template = action.parameter(RunExportAction.EXPORT_TEMPLATE);
        return template == null || template.isBlank()
                ? List.of("input parameter '" + RunExportAction.EXPORT_TEMPLATE + "' is missing") : List.of();
    }

    @Override
    public List<String> dataProblems(ActionDefinition action) {
        String template = action.parameter(RunExportAction.EXPORT_TEMPLATE);
        return isLiteral(template) && templates.findByName(template).isEmpty()
                ? List.of("unknown export template '" + template + "'") : List.of();
    }

    static boolean isLiteral(String value) {
        return value != null && !value.isBlank() && !value.contains("${") && !value.contains("#{");
    }
}

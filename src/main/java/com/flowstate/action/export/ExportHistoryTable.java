package com.flowstate.action.export;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.flowstate.action.ActionHistoryTable;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionType;

/**
 * The Exports tab's table. When the model names the template literally, type, extension, recipient and SMTP
 * account are copied from it as soon as the execution is scheduled, so a waiting row already says what it will do.
 */
@Component
class ExportHistoryTable implements ActionHistoryTable {

    private final ExportTemplateService templates;

    ExportHistoryTable(ExportTemplateService templates) {
        this.templates = templates;
    }

    @Override
    public ActionType type() {
        return ActionType.EXPORT;
    }

    @Override
    public String table() {
        return "export_history";
    }

    @Override
    public Map<String, Object> scheduledColumns(ActionDefinition action) {
        String name = action.parameter(RunExportAction.EXPORT_TEMPLATE);
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("template_name", name == null ? "" : name);
        if (ExportReferenceCheck.isLiteral(name)) {
            templates.findByName(name).ifPresent(template -> {
                columns.put("export_type", template.exportType().name());
                columns.put("extension", template.extension().name());
                columns.put("recipient", template.recipient());
                columns.put("smtp_credential_name", template.smtpCredentialName());
            });
        }
        return columns;
    }
}

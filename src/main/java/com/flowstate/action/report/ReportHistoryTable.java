package com.flowstate.action.report;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.flowstate.action.ActionHistoryTable;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionType;

/**
 * The Reports tab's table. Template, account and recipient role are known from the model before the first attempt
 * when the designer wrote them literally; an expression ({@code ${...}}) is only known once the attempt reads it.
 */
@Component
class ReportHistoryTable implements ActionHistoryTable {

    @Override
    public ActionType type() {
        return ActionType.REPORT;
    }

    @Override
    public String table() {
        return "report_history";
    }

    @Override
    public Map<String, Object> scheduledColumns(ActionDefinition action) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("template_name", literalOrEmpty(action.parameter(SendReportAction.REPORT_TEMPLATE)));
        columns.put("smtp_credential_name", literalOrEmpty(action.parameter(SendReportAction.SMTP_CREDENTIAL)));
        String role = literalOrEmpty(action.parameter(SendReportAction.RECIPIENT_ROLE));
        columns.put("recipient_role", role.isEmpty() ? null : role);
        return columns;
    }

    private static String literalOrEmpty(String parameter) {
        return ReportReferenceCheck.isLiteral(parameter) ? parameter : "";
    }
}

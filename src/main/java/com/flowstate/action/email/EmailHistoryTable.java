package com.flowstate.action.email;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.flowstate.action.ActionHistoryTable;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionType;

/** The E-mail tab's table; template, account and recipient role are known from the model before the first attempt. */
@Component
class EmailHistoryTable implements ActionHistoryTable {

    @Override
    public ActionType type() {
        return ActionType.EMAIL;
    }

    @Override
    public String table() {
        return "email_history";
    }

    @Override
    public Map<String, Object> scheduledColumns(ActionDefinition action) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("template_name", nonNull(action.parameter(SendEmailAction.TEMPLATE)));
        columns.put("smtp_credential_name", nonNull(action.parameter(SendEmailAction.SMTP_CREDENTIAL)));
        columns.put("recipient_role", action.parameter(SendEmailAction.RECIPIENT_ROLE));
        return columns;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}

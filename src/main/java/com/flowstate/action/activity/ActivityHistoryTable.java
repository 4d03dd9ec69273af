package com.flowstate.action.activity;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.flowstate.action.ActionHistoryTable;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionType;

/**
 * The Activities tab's table. Type, subject and role are known from the model before the first attempt when the
 * designer wrote them literally; an expression ({@code ${...}}) is only known once the attempt evaluates it.
 */
@Component
class ActivityHistoryTable implements ActionHistoryTable {

    @Override
    public ActionType type() {
        return ActionType.ACTIVITY;
    }

    @Override
    public String table() {
        return "activity_history";
    }

    @Override
    public Map<String, Object> scheduledColumns(ActionDefinition action) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("activity_type", literal(action.parameter(CreateActivityAction.ACTIVITY_TYPE)));
        columns.put("subject", literal(action.parameter(CreateActivityAction.SUBJECT)));
        columns.put("assignee_role", literal(action.parameter(CreateActivityAction.ASSIGNEE_ROLE)));
        return columns;
    }

    private static String literal(String parameter) {
        if (parameter == null || parameter.isBlank() || parameter.contains("${") || parameter.contains("#{")) {
            return null;
        }
        return parameter;
    }
}

package com.flowstate.action.assignment;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.flowstate.action.ActionHistoryTable;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionType;

/**
 * The Assignment tab's table. The role is known from the model before the first attempt when the designer wrote it
 * literally; an expression ({@code ${...}}) is only known once the attempt evaluates it.
 */
@Component
class AssignmentHistoryTable implements ActionHistoryTable {

    @Override
    public ActionType type() {
        return ActionType.ASSIGNMENT;
    }

    @Override
    public String table() {
        return "assignment_history";
    }

    @Override
    public Map<String, Object> scheduledColumns(ActionDefinition action) {
        String role = action.parameter(AssignPartnerAction.ROLE);
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("role", AssignmentReferenceCheck.isLiteral(role)
                ? PartnerRole.parse(role).map(Enum::name).orElse(role) : null);
        return columns;
    }
}

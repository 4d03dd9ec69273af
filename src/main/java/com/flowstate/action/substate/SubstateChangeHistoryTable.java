package com.flowstate.action.substate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.flowstate.action.ActionHistoryTable;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionType;

/**
 * The Substates tab's table. Change type and target are known from the model before the first attempt when the
 * designer wrote them literally (the element template's dropdown does); an expression is known once the attempt
 * evaluates it.
 */
@Component
class SubstateChangeHistoryTable implements ActionHistoryTable {

    @Override
    public ActionType type() {
        return ActionType.SUBSTATE_CHANGE;
    }

    @Override
    public String table() {
        return "substate_change_history";
    }

    @Override
    public Map<String, Object> scheduledColumns(ActionDefinition action) {
        String changeType = literal(action.parameter(ChangeSubstateAction.CHANGE_TYPE));
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("change_type", "OPEN".equals(changeType) || "CLOSE".equals(changeType) ? changeType : null);
        columns.put("target_substate_key", literal(action.parameter(ChangeSubstateAction.TARGET_SUBSTATE)));
        return columns;
    }

    private static String literal(String parameter) {
        if (parameter == null || parameter.isBlank() || parameter.contains("${") || parameter.contains("#{")) {
            return null;
        }
        return parameter.strip();
    }
}

package com.flowstate.action.substate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionReferenceCheck;
import com.flowstate.flow.ActionType;
import com.flowstate.flow.SubstateChangeType;

/**
 * Deploy-time checks of an Open / close substate task: a change type from the list and a target the flow has.
 * Values given as expressions ({@code ${...}}) are resolved only when the action runs and are checked then.
 */
@Component
class SubstateChangeReferenceCheck implements ActionReferenceCheck {

    @Override
    public ActionType type() {
        return ActionType.SUBSTATE_CHANGE;
    }

    @Override
    public List<String> modelProblems(ActionDefinition action, Set<String> substateKeys) {
        List<String> problems = new ArrayList<>();
        String changeType = action.parameter(ChangeSubstateAction.CHANGE_TYPE);
        String target = action.parameter(ChangeSubstateAction.TARGET_SUBSTATE);
        if (changeType == null || changeType.isBlank()) {
            problems.add("input parameter '" + ChangeSubstateAction.CHANGE_TYPE + "' is missing");
        } else if (isLiteral(changeType)
                && Arrays.stream(SubstateChangeType.values()).noneMatch(type -> type.name().equals(changeType))) {
            problems.add("unknown change type '" + changeType + "' (expected one of "
                    + Arrays.toString(SubstateChangeType.values()) + ")");
        }
        if (target == null || target.isBlank()) {
            problems.add("input parameter '" + ChangeSubstateAction.TARGET_SUBSTATE + "' is missing");
        } else if (isLiteral(target) && !substateKeys.contains(target)) {
            problems.add("unknown target substate '" + target + "' (the flow's substates: "
                    + new TreeSet<>(substateKeys) + ")");
        }
        return problems;
    }

    private static boolean isLiteral(String value) {
        return !value.contains("${") && !value.contains("#{");
    }
}

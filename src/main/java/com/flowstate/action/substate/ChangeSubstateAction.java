package com.flowstate.action.substate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import com.flowstate.action.Action;
import com.flowstate.action.ActionRunner;
import com.flowstate.flow.SubstateChangeType;

/**
 * Open / close substate ({@code ${changeSubstateAction}}): opens or closes another substate of the opportunity's
 * flow. The attempt only schedules the change ({@link SubstateChangeActionService}); its row stays running until the
 * change is made or refused. Its history tab is the Substates tab ({@code substate_change_history}).
 */
@Component
public class ChangeSubstateAction extends Action<SubstateChangeParameters> {

    ChangeSubstateAction(ActionRunner runner, SubstateChangeActionService changes) {
        super(SubstateChangeParameters.class, "substate_change_history", runner, changes::change);
    }

    /** A substate change moves the flow: a retry, which never does, cannot make it (open or close it by hand). */
    @Override
    public boolean retryableLater() {
        return false;
    }

    /**
     * Change type and target are known from the model before the first attempt when the designer wrote them
     * literally (the element template's dropdown does); an expression is known once the attempt evaluates it.
     */
    @Override
    protected Map<String, Object> scheduledColumns(SubstateChangeParameters parameters) {
        String changeType = literal(parameters.changeType());
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("change_type", "OPEN".equals(changeType) || "CLOSE".equals(changeType) ? changeType : null);
        columns.put("target_substate_key", literal(parameters.targetSubstate()));
        return columns;
    }

    /**
     * A change type from the list and a target the flow has. Values given as expressions ({@code ${...}}) are
     * resolved only when the action runs and are checked then.
     */
    @Override
    protected List<String> modelProblems(SubstateChangeParameters parameters, Set<String> substateKeys) {
        List<String> problems = new ArrayList<>();
        String changeType = parameters.changeType();
        String target = parameters.targetSubstate();
        if (isLiteral(changeType)
                && Arrays.stream(SubstateChangeType.values()).noneMatch(type -> type.name().equals(changeType))) {
            problems.add("unknown change type '" + changeType + "' (expected one of "
                    + Arrays.toString(SubstateChangeType.values()) + ")");
        }
        if (isLiteral(target) && !substateKeys.contains(target)) {
            problems.add("unknown target substate '" + target + "' (the flow's substates: "
                    + new TreeSet<>(substateKeys) + ")");
        }
        return problems;
    }

    /** The timeline line of an execution (see {@link Action#timelineSummary()}). */
    @Override
    protected String timelineSummary() {
        return "concat_ws(' · ', case h.change_type when 'OPEN' then '▶ ' when 'CLOSE' then '■ ' else '' end || coalesce(h.target_substate_name, h.target_substate_key), h.changed_by)";
    }
}

package com.flowstate.action.assignment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.flowstate.action.Action;
import com.flowstate.action.ActionRunner;

/**
 * Assign installer / seller ({@code ${assignPartnerAction}}): gives the opportunity to a partner company in the role
 * by the assignment criteria, as a pending offer the company accepts or rejects. Its history tab is the Assignment
 * tab ({@code assignment_history}).
 *
 * <p>Deploy-time check: the role is INSTALLER or SELLER, so a typo is refused with the element id instead of failing
 * every execution. A role given as an expression ({@code ${...}}) is resolved only when the action runs, which then
 * fails with the same reason. Zones are not checked: a flow may well be deployed before the partners are configured,
 * and an uncovered zone is a per-opportunity outcome.
 */
@Component
public class AssignPartnerAction extends Action<AssignmentParameters> {

    AssignPartnerAction(ActionRunner runner, AssignmentActionService assignments) {
        super(AssignmentParameters.class, "assignment_history", runner, assignments::assign);
    }

    /**
     * The role is known from the model before the first attempt when the designer wrote it literally; an expression
     * is only known once the attempt evaluates it.
     */
    @Override
    protected Map<String, Object> scheduledColumns(AssignmentParameters parameters) {
        return isLiteral(parameters.role()) ? Map.of("role", AssignmentActionService.roleColumn(parameters.role()))
                : Map.of();
    }

    @Override
    protected List<String> modelProblems(AssignmentParameters parameters, Set<String> substateKeys) {
        String role = parameters.role();
        if (isLiteral(role) && PartnerRole.parse(role).isEmpty()) {
            return List.of("unknown role '" + role + "' (expected one of " + List.of(PartnerRole.values()) + ")");
        }
        return List.of();
    }

    /** The timeline line of an execution (see {@link Action#timelineSummary()}). */
    @Override
    protected String timelineSummary() {
        return "concat_ws(' · ', h.role, (select c.name from company c where c.id = h.assigned_company_id))";
    }
}

package com.flowstate.action.assignment;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionReferenceCheck;
import com.flowstate.flow.ActionType;

/**
 * Deploy-time check of an Assign installer / seller task: the role is there and is INSTALLER or SELLER, so a typo is
 * refused with the element id instead of failing every execution. A role given as an expression ({@code ${...}})
 * is resolved only when the action runs, which then fails with the same reason. Zones are not checked: a flow may
 * well be deployed before the partners are configured, and an uncovered zone is a per-opportunity outcome.
 */
@Component
class AssignmentReferenceCheck implements ActionReferenceCheck {

    @Override
    public ActionType type() {
        return ActionType.ASSIGNMENT;
    }

    @Override
    public List<String> modelProblems(ActionDefinition action, Set<String> substateKeys) {
        String role = action.parameter(AssignPartnerAction.ROLE);
        if (role == null || role.isBlank()) {
            return List.of("input parameter '" + AssignPartnerAction.ROLE + "' is missing");
        }
        if (isLiteral(role) && PartnerRole.parse(role).isEmpty()) {
            return List.of("unknown role '" + role + "' (expected one of " + List.of(PartnerRole.values()) + ")");
        }
        return List.of();
    }

    static boolean isLiteral(String value) {
        return value != null && !value.isBlank() && !value.contains("${") && !value.contains("#{");
    }
}

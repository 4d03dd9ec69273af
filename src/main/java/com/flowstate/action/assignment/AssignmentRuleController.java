package com.flowstate.action.assignment;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The assignment rules per role and the "who would get this opportunity" simulator, for admins. */
@RestController
@RequestMapping("/api/admin/assignment-rules")
@Tag(name = "Admin: assignment rules", description = "Strategy and capacities per role (INSTALLER, SELLER); zones "
        + "belong to the partners")
class AssignmentRuleController {

    private final AssignmentRuleService rules;

    AssignmentRuleController(AssignmentRuleService rules) {
        this.rules = rules;
    }

    @GetMapping
    @Operation(summary = "Both roles' rules, with every partner of the role's kind, its zones, load and settings")
    List<AssignmentRule> list() {
        return rules.rules();
    }

    @GetMapping("/{role}")
    @Operation(summary = "One role's rule")
    AssignmentRule get(@PathVariable String role) {
        return rules.rule(role(role));
    }

    @PutMapping("/{role}")
    @Operation(summary = "Replace a role's rule: strategy (LEAST_LOADED, ROUND_ROBIN, FIXED_PRIORITY), the "
            + "fixed-priority order (company ids, first first) and the capacities (partners left out: no limit)")
    AssignmentRule update(@PathVariable String role, @RequestBody AssignmentRuleChange change) {
        return rules.update(role(role), change);
    }

    @PostMapping("/simulate")
    @Operation(summary = "Who would get an opportunity at this postal code / province in this role now, and why; "
            + "assigns nothing")
    AssignmentSimulation simulate(@RequestBody SimulationRequest request) {
        return rules.simulate(request.role(), request.postalCode(), request.province());
    }

    /** @param role INSTALLER or SELLER; a postal code (5 digits), a province (e.g. MI) or both */
    record SimulationRequest(String role, String postalCode, String province) {
    }

    private static PartnerRole role(String role) {
        return PartnerRole.parse(role).orElseThrow(() -> new UnknownRole(role));
    }

    @ExceptionHandler(InvalidAssignmentRuleException.class)
    ProblemDetail invalid(InvalidAssignmentRuleException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("fields", List.of(e.field()));
        problem.setProperty("code", e.reason().code());
        return problem;
    }

    @ExceptionHandler(UnknownRole.class)
    ProblemDetail unknownRole(UnknownRole e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    private static final class UnknownRole extends RuntimeException {

        UnknownRole(String role) {
            super("No assignment rule for role '" + AssignmentRuleService.shown(role) + "': INSTALLER or SELLER");
        }
    }
}

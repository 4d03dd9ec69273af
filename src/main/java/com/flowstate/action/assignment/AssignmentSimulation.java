package com.flowstate.action.assignment;

import java.util.List;

import com.flowstate.i18n.Reason;

/**
 * Who would get an opportunity at an address now, and why: the answer of the simulator, which assigns nothing.
 *
 * @param chosenCompanyId null when nobody would: {@link #noCandidate} says why
 * @param criterion       how the chosen company would be chosen, as the Assignment tab would show it
 * @param candidates      every partner covering the address: the chosen first, then the others in the strategy's
 *                        order, those at capacity last
 */
public record AssignmentSimulation(PartnerRole role, String postalCode, String province, AssignmentStrategy strategy,
                                   Long chosenCompanyId, String chosenCompanyName, AssignmentCriterion criterion,
                                   Reason noCandidate, List<AssignmentCandidate> candidates) {
}

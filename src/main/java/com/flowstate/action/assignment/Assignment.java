package com.flowstate.action.assignment;

import java.time.Instant;

/**
 * One offer of an opportunity to a partner company, as the company's users decide on it.
 *
 * @param companyId  the company offered the opportunity; null for an execution that found no candidate
 * @param status     null when the row is not an offer (no candidate, or an existing company kept)
 * @param replacesId the rejected offer this one follows; null for the action's own choice
 */
public record Assignment(
        long id,
        String executionKey,
        long opportunityId,
        PartnerRole role,
        Long companyId,
        String companyName,
        AssignmentStatus status,
        Long replacesId,
        Instant assignedAt,
        Instant decidedAt,
        String rejectionReason) {
}

/**
 * The Assign installer / seller action ({@link com.flowstate.action.assignment.AssignPartnerAction}, bean
 * {@code assignPartnerAction}). It reads the role (INSTALLER or SELLER); {@code AssignmentActionService} picks a
 * partner company by the assignment criteria ({@code PartnerChooser}: the most specific zone covering the
 * opportunity among partners below their capacity, then the role's strategy — least loaded, round-robin or fixed
 * priority, set by an admin through {@link com.flowstate.action.assignment.AssignmentRuleService} — then turns),
 * writes it to the opportunity, which gives the company's users
 * sight of it, and records a pending offer on the Assignment history tab. {@code AssignmentService} takes the
 * company's answer (REST: {@code POST /api/assignments/{id}/accept|reject}): accepted, or rejected, in which case the
 * next candidate gets the opportunity at once as a new row. The tab's query and REST endpoint
 * ({@code GET /api/history/assignments}) are here too, and so are the rules' REST API
 * ({@code /api/admin/assignment-rules}, with the "who would get this opportunity" simulator). The zones themselves belong to the partner side
 * ({@link com.flowstate.partner.PartnerZoneService}).
 */
@NamedInterface("assignment")
package com.flowstate.action.assignment;

import org.springframework.modulith.NamedInterface;

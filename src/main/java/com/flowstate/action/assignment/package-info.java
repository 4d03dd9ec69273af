/**
 * The Assign installer / seller action. The delegate {@code assignPartnerAction} reads the role (INSTALLER or
 * SELLER); {@code AssignmentActionService} picks a partner company by the assignment criteria
 * ({@code PartnerChooser}: the most specific zone covering the opportunity, then the least loaded, then round-robin),
 * writes it to the opportunity, which gives the company's users sight of it, and records a pending offer on the
 * Assignment history tab. {@code AssignmentService} takes the company's answer: accepted, or rejected, in which case
 * the next candidate gets the opportunity at once as a new row. The zones themselves belong to the partner side
 * ({@link com.flowstate.partner.PartnerZoneService}).
 */
package com.flowstate.action.assignment;

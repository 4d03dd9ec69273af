/**
 * The opportunity list, its detail panel with manual substate changes, and the new-opportunity form. Every read
 * goes through {@link com.flowstate.opportunity.OpportunityService} with the user's partner scope. Also the flow
 * catalogue ({@code flows}) and the admins' opportunity types ({@code admin/opportunity-types}: create, rename, order,
 * choose the flow).
 */
package com.flowstate.opportunity.ui;

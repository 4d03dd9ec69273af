/**
 * The opportunity list, its detail panel with manual substate changes, and the new-opportunity form. Every read
 * goes through {@link com.flowstate.opportunity.OpportunityService} with the user's partner scope.
 */
package com.flowstate.opportunity.ui;

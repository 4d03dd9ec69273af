/**
 * Open / close substate ({@link com.flowstate.action.substate.ChangeSubstateAction}, {@code changeSubstateAction}):
 * opens or closes another substate of the opportunity's flow. The attempt only schedules the change, which a job of
 * its own makes right after the action commits (see {@link com.flowstate.flow.SubstateChangeJobs}); the row stays
 * running until the outcome, made or refused with the reason (target not open, already open), lands on it. Changes
 * users make by hand are logged in the same table, marked manual with the user, so the Substates tab is the
 * opportunity's substate log; its query and REST endpoint ({@code GET /api/history/substates}) are here too.
 */
package com.flowstate.action.substate;

/**
 * The Open / close substate action and the Substates history tab's rows. The delegate {@code changeSubstateAction}
 * reads the service task's parameters (change type, target substate) and {@code SubstateChangeActionService}
 * schedules the change, which a job of its own makes right after the action commits (see
 * {@link com.flowstate.flow.SubstateChangeJobs}); the outcome, made or refused with the reason (target not open,
 * already open), lands on the action's history row. Changes users make by hand are logged in the same table,
 * marked manual with the user, so the tab is the opportunity's substate log.
 */
package com.flowstate.action.substate;

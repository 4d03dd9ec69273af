/**
 * The opportunity page ({@code /opportunities/{id}}): everything about one opportunity in one place. {@link
 * com.flowstate.workspace.OpportunityWorkspace} gathers it within the user's partner scope: the timeline (every action
 * execution of every action, from {@link com.flowstate.action.ActionTimeline}, merged with the substate log and the
 * changes people made to pending scheduled actions), the flow picture (the deployed BPMN with open substates and
 * action outcomes), and the pending scheduled actions, which platform users may cancel or move. It sits above the
 * opportunity and action features, which know nothing of it; the opportunities list links to it by route path.
 */
package com.flowstate.workspace;

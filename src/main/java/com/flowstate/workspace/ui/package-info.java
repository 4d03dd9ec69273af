/**
 * The opportunity page ({@link com.flowstate.workspace.ui.OpportunityView}, route {@code /opportunities/{id}}) and
 * its sections: the flow picture (bpmn-js's Viewer, loaded as a static script at run time, outside Vaadin's bundle),
 * the timeline, the pending scheduled actions and a partner's own work on the opportunity.
 */
package com.flowstate.workspace.ui;

/**
 * The engine: everything that knows Camunda lives here, so a move to another engine (e.g. Operaton) touches this
 * package only. It reads the substate contract out of every deployed flow (a BPMN parse listener), runs the deploy
 * checks the actions contribute ({@link com.flowstate.flow.FlowActions}), turns engine history events into
 * Flowstate's events ({@link com.flowstate.flow.ActionScheduled}, {@link com.flowstate.flow.SubstateOpened}…),
 * tells an action which attempt it runs ({@link com.flowstate.flow.ActionAttempts}), opens and closes substates
 * ({@link com.flowstate.flow.FlowService}) and deploys the flows in {@code bpmn/} once the application has started.
 * It keeps deployments safe (a flow may call only Flowstate's actions; expressions see only allow-listed beans; every
 * deployment is recorded, {@link com.flowstate.flow.FlowDeployments}), lists the flows designers deployed ({@link
 * com.flowstate.flow.FlowCatalogue}), migrates running opportunities between versions ({@link
 * com.flowstate.flow.FlowMigrations}) and tells which flows name a template or an SMTP account, so it is not deleted
 * from under them ({@link com.flowstate.flow.FlowReferences}).
 */
package com.flowstate.flow;

/**
 * Automatic actions. Each sub-package holds one action: the delegate bean a BPMN service task names, the feature
 * service that performs the side effect, and the projection that keeps its action-history tab. What they share
 * lives here: how a failure is classified ({@link com.flowstate.action.ActionFailure}) and how far an execution got
 * ({@link com.flowstate.action.ActionStatus}).
 */
package com.flowstate.action;

/**
 * Automatic actions. The root package is the Action contract every action implements ({@link
 * com.flowstate.action.Action}: name, parameters record, deploy-time checks, execute step, history table), the
 * runner that applies the retry and final-failure rules once for all of them ({@link
 * com.flowstate.action.ActionRunner}) and the writer of the history columns they share. Each sub-package is one
 * action with everything of it: parameters, execute step, checks, its history query, REST endpoint and (in
 * {@code ui}) its tab. See README, "Adding an action".
 */
package com.flowstate.action;

/**
 * Live updates: a change feed of the action history — every committed insert or update of a history row, from any
 * app node, announced by PostgreSQL NOTIFY from triggers beside the tables (decision 0024) — and a Vaadin-facing
 * subscription ({@link com.flowstate.live.LiveUpdates}) that delivers the changes a user's scope may see to an
 * attached component through server push. Screens use it to show "N new rows" instead of jumping, and to keep
 * counts such as the to-do inbox badge current.
 */
package com.flowstate.live;

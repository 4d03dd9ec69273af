/**
 * The "My activities" view: the signed-in user's open activities with a button to complete each.
 */
package com.flowstate.action.activity.ui;

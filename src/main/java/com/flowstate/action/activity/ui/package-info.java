/**
 * The screens of activities: "My activities", the signed-in user's open activities with a button to complete each,
 * and the Activities tab of the action history (its grid, filters and the provider that contributes it).
 */
package com.flowstate.action.activity.ui;

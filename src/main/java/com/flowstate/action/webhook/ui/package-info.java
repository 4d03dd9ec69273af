/** The Webhook tab of the action history: its grid, filters and the provider that contributes it. */
package com.flowstate.action.webhook.ui;

/**
 * Call webhook: tells another system (an ERP, an e-signature service) that a substate opened or closed by POSTing a
 * JSON description of the event to a URL the designer configured ({@link
 * com.flowstate.action.webhook.CallWebhookAction}). The HTTP call goes through Camunda Connect's HTTP connector
 * ({@link com.flowstate.action.webhook.WebhookClient}); each call is keyed by its execution
 * ({@code Idempotency-Key}) and a call the receiver accepted is never made again, so a receiver sees one call per
 * execution. Its Webhook tab's query and REST endpoint ({@code GET /api/history/webhooks}) sit here too.
 */
package com.flowstate.action.webhook;

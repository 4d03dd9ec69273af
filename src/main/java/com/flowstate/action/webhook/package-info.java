/**
 * The Call webhook action: tells another system (an ERP, an e-signature service) that a substate opened or closed by
 * POSTing a JSON description of the event to a URL the designer configured. The HTTP call goes through Camunda
 * Connect's HTTP connector ({@link com.flowstate.action.webhook.WebhookClient}); retries, history and the
 * no-second-call-after-success rule follow the action framework like every other action. Each call is keyed by
 * its execution ({@code Idempotency-Key}), so a receiver can drop a duplicate too.
 */
package com.flowstate.action.webhook;

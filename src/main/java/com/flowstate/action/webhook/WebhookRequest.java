package com.flowstate.action.webhook;

/**
 * The parameters of one Call webhook action, as the service task's input parameters give them.
 *
 * @param url       absolute http(s) URL the event is POSTed to
 * @param eventName optional; the event's name in the body and the {@code X-Flowstate-Event} header (default: what
 *                  happened to the substate, e.g. {@code substate.closed})
 * @param secret    optional; the name of a signing secret configured under {@code flowstate.webhook.secrets}
 */
public record WebhookRequest(String url, String eventName, String secret) {
}

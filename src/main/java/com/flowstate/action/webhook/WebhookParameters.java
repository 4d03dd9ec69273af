package com.flowstate.action.webhook;

import com.flowstate.action.Action;

/**
 * The input parameters of a Call webhook task.
 *
 * @param url       absolute http(s) URL the event is POSTed to
 * @param eventName the event's name in the body and the {@code X-Flowstate-Event} header (default: what happened to
 *                  the substate, e.g. {@code substate.closed})
 * @param secret    the name of a signing secret configured under {@code flowstate.webhook.secrets}
 */
public record WebhookParameters(String url, @Action.Optional String eventName, @Action.Optional String secret) {
}

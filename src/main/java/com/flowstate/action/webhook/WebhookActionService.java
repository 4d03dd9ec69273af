package com.flowstate.action.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.action.ActionFailure;
import com.flowstate.action.HistoryRow;
import com.flowstate.flow.ActionAttempt;
import com.flowstate.flow.Trigger;
import com.flowstate.i18n.Reason;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.PartnerScope;

/**
 * Makes the HTTP call of one Call webhook execution and puts its outcome on the history row.
 *
 * <p>2xx is success. A receiver that is down, slow or overloaded (connection refused, timeout, 5xx, 408, 429) is a
 * transient failure; any other answer (4xx, a redirect) or a bad URL is a permanent one. Both are thrown as
 * {@link ActionFailure}; the action runner decides what they mean. A call the receiver accepted is remembered outside
 * the job's transaction, so a retry never calls twice; every call carries the execution's key as
 * {@code Idempotency-Key}, so the receiver can drop a duplicate as well.
 */
@Service
public class WebhookActionService {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String EVENT_HEADER = "X-Flowstate-Event";

    private static final Logger log = LoggerFactory.getLogger(WebhookActionService.class);

    private final OpportunityService opportunities;
    private final WebhookProperties properties;
    private final WebhookClient client;
    private final WebhookDeliveries deliveries;
    private final ObjectMapper json;

    WebhookActionService(OpportunityService opportunities, WebhookProperties properties, WebhookClient client,
                         WebhookDeliveries deliveries, ObjectMapper json) {
        this.opportunities = opportunities;
        this.properties = properties;
        this.client = client;
        this.deliveries = deliveries;
        this.json = json;
    }

    /**
     * Makes the call of one attempt, putting on the history row the URL (redacted) and event name it resolves, and
     * the response code the receiver accepted it with.
     */
    @Transactional
    public void call(ActionAttempt attempt, WebhookParameters parameters, HistoryRow row) {
        String url = WebhookUrls.redacted(parameters.url());
        String event = eventName(parameters.eventName(), attempt.action().trigger());
        row.put("url", url).put("event_name", event);
        row.put("response_code", deliver(attempt, parameters, url, event));
    }

    /** The event name the designer gave, or what happened to the substate. */
    static String eventName(String given, Trigger trigger) {
        return given == null || given.isBlank() ? WebhookPayload.defaultEvent(trigger) : given.strip();
    }

    private int deliver(ActionAttempt attempt, WebhookParameters parameters, String shownUrl, String event) {
        URI url = WebhookUrls.parse(parameters.url()).orElseThrow(() -> ActionFailure.permanent(
                "webhook.invalidUrl", "url", shownUrl));
        Optional<String> secret = secret(parameters.secret());
        Opportunity opportunity = opportunities.find(PartnerScope.everything(), attempt.opportunityId())
                .orElseThrow(() -> ActionFailure.permanent("opportunity.gone", "id", attempt.opportunityId()));

        Optional<Integer> earlier = deliveries.find(attempt.executionKey());
        if (earlier.isPresent()) {
            log.info("Webhook {} was already accepted with HTTP {}; not calling again", attempt.executionKey(),
                    earlier.get());
            return earlier.get();
        }

        String body = body(WebhookPayload.of(event, attempt, opportunity, Instant.now()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(IDEMPOTENCY_KEY, attempt.executionKey());
        headers.put(EVENT_HEADER, event);
        secret.ifPresent(key -> headers.put(WebhookSignature.HEADER, WebhookSignature.of(key, body)));

        Instant calledAt = Instant.now();
        long started = System.nanoTime();
        WebhookResponse response;
        try {
            response = client.post(url, headers, body);
        } catch (ActionFailure noAnswer) {
            deliveries.recordCall(attempt.executionKey(), shownUrl, calledAt, millisSince(started), null, null);
            throw noAnswer;
        }
        deliveries.recordCall(attempt.executionKey(), shownUrl, calledAt, millisSince(started), response.statusCode(),
                response.excerpt());
        if (response.accepted()) {
            deliveries.record(attempt.executionKey(), response.statusCode());
            return response.statusCode();
        }
        Reason reason = Reason.of("webhook.httpStatus", "status", response.statusCode(), "url", shownUrl);
        throw response.retryable() ? ActionFailure.transientFailure(reason, null) : ActionFailure.permanent(reason);
    }

    private Optional<String> secret(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(properties.secret(name).orElseThrow(() -> ActionFailure.permanent(
                "webhook.unknownSecret", "name", name.strip())));
    }

    private String body(WebhookPayload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Webhook payload cannot be written as JSON", e);
        }
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}

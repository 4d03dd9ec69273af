package com.flowstate.action.webhook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import javax.net.ssl.SSLException;

import org.camunda.connect.ConnectorRequestException;
import org.camunda.connect.Connectors;
import org.camunda.connect.httpclient.HttpConnector;
import org.camunda.connect.httpclient.HttpRequest;
import org.camunda.connect.httpclient.HttpResponse;
import org.springframework.stereotype.Component;

import com.flowstate.action.ActionFailure;

/**
 * POSTs a webhook through Camunda Connect's HTTP connector. Connectors are ServiceLoader singletons without
 * dependency injection, so this bean holds the connector and applies our timeouts per request.
 *
 * <p>Any HTTP answer comes back as a {@link WebhookResponse}, whatever its status: judging it is the action's
 * business. A call that got no answer throws an {@link ActionFailure}: transient when the receiver may be back later
 * (refused, timed out, unknown host), permanent when retrying cannot help (TLS rejected, a URL the client refuses).
 */
@Component
class WebhookClient {

    /** Connect's request options (camunda-connect-http-client RequestConfigOption names). */
    private static final String CONNECTION_TIMEOUT = "connection-timeout";
    private static final String CONNECTION_REQUEST_TIMEOUT = "connection-request-timeout";
    private static final String SOCKET_TIMEOUT = "socket-timeout";
    private static final int EXCERPT_LENGTH = 500;

    private final HttpConnector connector;
    private final WebhookProperties properties;

    WebhookClient(WebhookProperties properties) {
        this.properties = properties;
        this.connector = Connectors.getConnector(HttpConnector.ID);
        if (connector == null) {
            throw new IllegalStateException("Camunda Connect has no '" + HttpConnector.ID + "': "
                    + "camunda-connect-http-client is missing from the classpath");
        }
    }

    /** POSTs the JSON body with the given headers and returns the answer, or throws when there is none. */
    WebhookResponse post(URI url, Map<String, String> headers, String json) {
        int connectMillis = (int) properties.connectTimeout().toMillis();
        HttpRequest request = connector.createRequest().post().url(url.toString())
                .contentType("application/json; charset=UTF-8")
                .payload(json)
                .configOption(CONNECTION_TIMEOUT, connectMillis)
                .configOption(CONNECTION_REQUEST_TIMEOUT, connectMillis)
                .configOption(SOCKET_TIMEOUT, (int) properties.readTimeout().toMillis());
        headers.forEach(request::header);
        HttpResponse response;
        try {
            response = request.execute();
        } catch (ConnectorRequestException e) {
            throw noAnswer(url, e.getCause() == null ? e : e.getCause());
        }
        try {
            return new WebhookResponse(response.getStatusCode(), excerpt(response.getResponse()));
        } finally {
            response.close();
        }
    }

    private ActionFailure noAnswer(URI url, Throwable cause) {
        String where = WebhookUrls.redacted(url.toString());
        String host = url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return ActionFailure.transientFailure(cause, "webhook.connectionRefused", "host", host, "url", where);
        }
        if (cause instanceof SocketTimeoutException) {
            return ActionFailure.transientFailure(cause, "webhook.noAnswer", "url", where,
                    "duration", seconds(properties.readTimeout().toMillis()));
        }
        if (cause instanceof InterruptedIOException) {
            return ActionFailure.transientFailure(cause, "webhook.connectTimeout", "host", host,
                    "duration", seconds(properties.connectTimeout().toMillis()));
        }
        if (cause instanceof UnknownHostException) {
            return ActionFailure.transientFailure(cause, "webhook.unknownHost", "host", url.getHost());
        }
        if (cause instanceof SSLException) {
            return ActionFailure.permanent(cause, "webhook.tlsFailed", "host", host, "error", cause.getMessage());
        }
        if (cause instanceof IOException) {
            return ActionFailure.transientFailure(cause, "webhook.callFailed", "url", where, "error", cause.getMessage());
        }
        return ActionFailure.permanent(cause, "webhook.cannotCall", "url", where, "error", cause.getMessage());
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** The start of the answer's body on one line, enough to see what the receiver complained about. */
    static String excerpt(String body) {
        if (body == null) {
            return null;
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        if (flat.isEmpty()) {
            return null;
        }
        return flat.length() <= EXCERPT_LENGTH ? flat : flat.substring(0, EXCERPT_LENGTH - 1) + "…";
    }
}

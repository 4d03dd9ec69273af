package com.flowstate.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The demo's webhook receivers, so the demo flow's Call webhook actions reach something and the Webhook tab fills
 * with both outcomes: {@code /erp/...} accepts every event (202), {@code /esign/...} is an e-signature service that
 * is down (503, so the call is retried and ends false). Loopback only; every call is logged with its headers.
 */
@Component
@Profile("demo")
class DemoWebhookReceiver implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoWebhookReceiver.class);

    private final int port;
    private HttpServer server;

    DemoWebhookReceiver(@Value("${FLOWSTATE_DEMO_WEBHOOK_PORT:2526}") int port) {
        this.port = port;
    }

    @Override
    public void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            // The demo still runs; its webhook rows then show "Connection refused", which is a fine demo too.
            log.warn("Demo webhook receiver cannot listen on 127.0.0.1:{}: {}", port, e.getMessage());
            return;
        }
        server.createContext("/", this::answer);
        server.start();
        log.info("Demo webhook receiver on http://127.0.0.1:{}/erp (accepts) and /esign (down)", port);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int bytes = exchange.getRequestBody().readAllBytes().length;
        int status = path.startsWith("/erp") ? 202 : path.startsWith("/esign") ? 503 : 404;
        log.info("Demo webhook {} {} → {}: event {}, Idempotency-Key {}, {} bytes", exchange.getRequestMethod(), path,
                status, exchange.getRequestHeaders().getFirst("X-Flowstate-Event"),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"), bytes);
        byte[] body = (status == 202 ? "{\"accepted\": true}" : "{\"error\": \"service unavailable\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}

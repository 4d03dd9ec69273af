package com.flowstate.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for the tests: the JDK's HTTP server on a free loopback port, no Spring context. It answers a
 * POST to {@code /status/<code>/<anything>} with that status and a small body, and records every request it got.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request as the receiver got it; header names in any case. */
    public record Received(String method, String path, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    /** A URL answered with this status; {@code name} keeps the tests' URLs apart. */
    public String url(int status, String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/status/" + status + "/" + name;
    }

    public List<Received> requestsTo(String url) {
        String path = url.substring(url.indexOf('/', "http://".length()));
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** A loopback URL nothing listens on: the port was free a moment ago. */
    public static String refusingUrl(String name) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/hooks/" + name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        String path = exchange.getRequestURI().getRawPath();
        received.add(new Received(exchange.getRequestMethod(), path, headers,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        String[] parts = path.split("/");
        int status = parts.length > 2 && parts[1].equals("status") ? Integer.parseInt(parts[2]) : 404;
        byte[] body = (status < 300 ? "{\"received\": true}" : "{\"error\": \"status " + status + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

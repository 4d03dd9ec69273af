package com.flowstate.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs in through the login form the way a browser's form POST does: one cookie jar, redirects not followed, the
 * CSRF token read from the login page's {@code _csrf} meta tag (which Vaadin's login form submits).
 */
final class FormLogin {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    FormLogin(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** Opens the login page (which starts a session) and returns its CSRF token. */
    String openLoginPage() {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Accept", "text/html").GET().build());
        Matcher token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new AssertionError("No _csrf meta tag on the login page: " + page.body());
        }
        return token.group(1);
    }

    /**
     * POSTs the login form.
     *
     * @param csrf    the token, or null to leave it out
     * @param headers extra request headers, e.g. Origin or X-Forwarded-For
     */
    HttpResponse<String> submit(String username, String password, String csrf, Map<String, String> headers) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        if (csrf != null) {
            form.put("_csrf", csrf);
        }
        String body = form.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** GET of a page with this session's cookie. */
    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET().build());
    }

    /** Whether a login answer sent the browser on into the application rather than back to the login page. */
    static boolean signedIn(HttpResponse<String> answer) {
        String location = answer.headers().firstValue("Location").orElse("");
        return answer.statusCode() == 302 && !location.contains("/login");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package com.flowstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.partner.Company;
import com.flowstate.partner.CompanyKind;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * Fault suite item 6: a table of bad values sent to every parameter and JSON field of every endpoint under /api, as an
 * admin and as a partner user. The endpoints come from the app's own OpenAPI document, so a new one is covered at
 * once. Never a 5xx; every 4xx is an RFC 9457 problem detail ({@code application/problem+json} with status, title and
 * detail), and a 400 caused by a query parameter names it.
 *
 * <p>The state-changing endpoints get base values that change nothing shared: ids no row has, a flow migrated to its
 * own version, a type that does not exist, an owner no one is, so even a bad value that slips through is refused one
 * step later. A few opportunities are opened for real (odd but valid texts), in Milano where no test zone is. A 2xx
 * to a state-changing call is listed in the output to be looked at.
 *
 * <p>CI size (about 3,000 calls): one value of each class, 10 KB overlong parameters (1 MB in bodies), the partner
 * user on one value in four. {@code -Dcorpus.full=true}: more values of each class, 1 MB parameters, every value for
 * both users.
 */
@IntegrationTest
class BadInputCorpusIT {

    private static final boolean FULL = Boolean.getBoolean("corpus.full");
    private static final String NO_SUCH_ID = "987654321";
    /** Tomcat's default {@code max-http-request-header-size}: a longer request line is refused before any filter. */
    private static final int MAX_REQUEST_LINE = 8 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired TestData data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private final List<String> accepted = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger refusedBeforeTheApp = new AtomicInteger();
    private String admin;
    private String internal;
    private String partner;
    private Opportunity own;

    @BeforeEach
    void users() {
        admin = data.fastLogin(data.admin().getUsername());
        internal = data.fastLogin(data.internalUser());
        Company installer = data.partner(CompanyKind.INSTALLER);
        partner = data.fastLogin(data.partnerUser(installer));
        own = data.opportunity(installer, null);
    }

    /**
     * Values of query and path parameters, raw: each is percent-encoded as UTF-8 unless it is {@link Raw}. The CI size
     * has one of each class; the full size more of each and a megabyte.
     */
    private static List<Object> parameterValues() {
        List<Object> values = new ArrayList<>(List.of("x".repeat(10_240), "a\u0000b", "\u0001\u0007\u001b\u007f",
                "\u202Eevil\u202C😀", "abc", "1.5", "-1", "9223372036854775808", "", ",", "x,y,z", ";drop",
                "+999999999-01-01", "2024-02-30", "Zm9vYmFy", cursor("createdAt\nDESC\n5\nnot-a-time"),
                new Raw("%C0%AF"), new Raw("%ED%A0%80")));
        if (FULL) {
            values.addAll(List.of("x".repeat(1_048_576), "\u0000", "line\r\nbreak", "😀🚀", "ｆｕｌｌｗｉｄｔｈ", "true",
                    "[]", "{}", "0", "-9223372036854775808", "99999999999999999999999", "1e400", "NaN", " ",
                    "createdAt,sideways", "createdAt;drop table opportunity", "2024-13-01", "0000-00-00", "!!!",
                    cursor("createdAt\nDESC\nnot-an-id\n2024-01-01"), cursor("createdAt\nSIDEWAYS\n1\n2024-01-01"),
                    cursor("nope\nASC\n1\nx"), cursor("\u0000\n\n\n"), "' or 1=1 --", "%", "..",
                    "../../etc/passwd", "<script>alert(1)</script>", new Raw("%FF%FE"), new Raw("%00"),
                    new Raw("a%00b")));
        }
        return values;
    }

    /** Values of a JSON body's field, as JSON: one of each class, more of each in the full size. */
    private static List<String> fieldValues() {
        List<String> values = new ArrayList<>(List.of("\"" + "x".repeat(10_240) + "\"",
                "\"" + "x".repeat(1_048_576) + "\"", "\"a\\u0000b\"", "\"\\u0001\\u001b\\u007f\"", "\"\\ud800\"",
                "\"\\u202eevil\\u202c😀\"", "\"abc\"", "true", "-1", "1.5", "9223372036854775808", "[\"a\", 1]",
                "{\"a\": {\"b\": 1}}", "null", "\"\"", "\"+999999999-01-01\"", nested(2_000)));
        if (FULL) {
            values.addAll(List.of("\"\\udc00x\\ud800\"", "\"😀🚀\"", "\" \"", "1", "0", "-9223372036854775809",
                    "1e400", "[]", "{}", "\"2024-02-30\"", "\"x,y,z\"", "\"<script>alert(1)</script>\"",
                    "\"' or 1=1 --\""));
        }
        return values;
    }

    @Test
    void noEndpointAnswersBadInputWithA5xxAndEvery4xxIsAProblemDetail() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("endpoints under /api in /v3/api-docs").isNotEmpty();
        List<Object> parameterValues = parameterValues();
        List<String> fieldValues = fieldValues();
        int index = 0;
        long start = System.nanoTime();
        for (Endpoint endpoint : endpoints) {
            System.out.printf("Bad input corpus: %s %s after %d calls, %d s%n", endpoint.method(), endpoint.path(),
                    calls.get(), (System.nanoTime() - start) / 1_000_000_000);
            for (Parameter parameter : endpoint.parameters()) {
                for (Object value : parameterValues) {
                    for (String user : usersFor(index++)) {
                        send(user, endpoint, parameter, value);
                    }
                }
            }
            if (endpoint.body() != null) {
                for (String field : endpoint.body().fields()) {
                    for (String value : fieldValues) {
                        for (String user : usersFor(index++)) {
                            sendBody(user, endpoint, "field " + field,
                                    mutated(endpoint, field, value).getBytes(StandardCharsets.UTF_8),
                                    endpoint.body().contentType());
                        }
                    }
                }
                for (Map.Entry<String, byte[]> whole : wholeBodies(endpoint).entrySet()) {
                    for (String user : List.of(admin, partner)) {
                        sendBody(user, endpoint, whole.getKey(), whole.getValue(), endpoint.body().contentType());
                    }
                }
                for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json; charset=ebcdic", "nonsense")) {
                    sendBody(admin, endpoint, "content type " + contentType,
                            baseBody(endpoint).getBytes(StandardCharsets.UTF_8), contentType);
                }
            }
        }
        openOddButValidOpportunities();

        System.out.printf("Bad input corpus: %d endpoints, %d calls (%d over Tomcat's request line limit), "
                        + "%d failures, %d s%n", endpoints.size(), calls.get(), refusedBeforeTheApp.get(),
                failures.size(), (System.nanoTime() - start) / 1_000_000_000);
        accepted.forEach(line -> System.out.println("Accepted by a state-changing endpoint (look at it): " + line));
        failures.forEach(line -> System.out.println("Corpus failure: " + line));
        assertThat(failures).as("calls answered with a 5xx or a 4xx that is no problem detail").isEmpty();
    }

    /** Texts no form would send but a person may have: the opportunity opens, and reads back. */
    private void openOddButValidOpportunities() throws Exception {
        Endpoint create = new Endpoint("POST", "/api/opportunities", List.of(), null);
        for (String name : List.of("\"\\u202eevil\\u202c\"", "\"😀🚀\"", "\"\\u0001\\u001b\\u007f\"", "\"\\ud800x\"",
                "\"<script>alert(1)</script>\"")) {
            ObjectNode body = (ObjectNode) JSON.readTree(opportunityBody(internal));
            body.set("customerName", JSON.readTree(name));
            body.set("street", JSON.readTree(name));
            HttpResponse<String> response = exchange(internal, "POST", uri(create.path()),
                    JSON.writeValueAsBytes(body), "application/json");
            check(internal, "POST", create.path(), "odd customer name " + name, response);
            if (response.statusCode() == 201) {
                long id = JSON.readTree(response.body()).path("opportunity").path("id").asLong();
                check(internal, "GET", "/api/opportunities/" + id, "read back",
                        exchange(internal, "GET", uri("/api/opportunities/" + id), null, null));
            } else {
                failures.add("POST /api/opportunities with customerName " + name + ": expected 201, got "
                        + response.statusCode() + " " + shorten(response.body()));
            }
        }
    }

    /** The admin always; the partner user on one value in four (CI size) or on all. */
    private List<String> usersFor(int index) {
        return FULL || index % 4 == 0 ? List.of(admin, partner) : List.of(admin);
    }

    private void send(String user, Endpoint endpoint, Parameter parameter, Object value) throws Exception {
        String encoded = value instanceof Raw raw ? raw.encoded() : URLEncoder.encode((String) value,
                StandardCharsets.UTF_8).replace("+", "%20");
        String path = basePath(endpoint, parameter.in().equals("path") ? parameter.name() : null, encoded);
        if (parameter.in().equals("query")) {
            path += "?" + parameter.name() + "=" + encoded;
        }
        byte[] body = endpoint.body() == null ? null : baseBody(endpoint).getBytes(StandardCharsets.UTF_8);
        String described = parameter.in() + " parameter " + parameter.name() + " = " + shorten(String.valueOf(value));
        HttpResponse<String> response = exchange(user, endpoint.method(), uri(path), body,
                endpoint.body() == null ? null : endpoint.body().contentType());
        if (path.length() > MAX_REQUEST_LINE && response.statusCode() == 400 && !isProblem(response)) {
            refusedBeforeTheApp.incrementAndGet(); // Tomcat's limit on the request line and headers: no app to ask
            return;
        }
        check(user, endpoint.method(), path, described, response);
        if (response.statusCode() == 400 && parameter.in().equals("query") && isProblem(response)
                && !response.body().contains(parameter.name())) {
            failures.add(line(user, endpoint.method(), path, described, response) + " — the 400 does not name '"
                    + parameter.name() + "'");
        }
    }

    private void sendBody(String user, Endpoint endpoint, String described, byte[] body, String contentType)
            throws Exception {
        String path = basePath(endpoint, null, null);
        HttpResponse<String> response = exchange(user, endpoint.method(), uri(path), body, contentType);
        check(user, endpoint.method(), path, described, response);
    }

    private void check(String user, String method, String path, String described, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(line(user, method, path, described, response));
        } else if (status >= 400 && !isProblem(response)) {
            failures.add(line(user, method, path, described, response) + " — not a problem detail");
        } else if (status < 300 && !method.equals("GET")) {
            accepted.add(line(user, method, path, described, response));
        }
    }

    private static boolean isProblem(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            return problem.path("status").asInt() == response.statusCode() && problem.hasNonNull("title")
                    && problem.hasNonNull("detail");
        } catch (IOException e) {
            return false;
        }
    }

    private String line(String user, String method, String path, String described, HttpResponse<String> response) {
        return (user.equals(partner) ? "partner" : user.equals(admin) ? "admin" : "internal") + " " + method + " "
                + shorten(path) + " [" + described + "] → " + response.statusCode() + " "
                + response.headers().firstValue("Content-Type").orElse("-") + " " + shorten(response.body());
    }

    private HttpResponse<String> exchange(String user, String method, URI uri, byte[] body, String contentType)
            throws IOException, InterruptedException {
        calls.incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json, application/problem+json, */*");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The endpoint's path with harmless values in its path parameters, one of them replaced. */
    private String basePath(Endpoint endpoint, String replaced, String encoded) {
        String path = endpoint.path();
        for (Parameter parameter : endpoint.parameters()) {
            if (!parameter.in().equals("path")) {
                continue;
            }
            String value = parameter.name().equals(replaced) ? encoded : harmless(endpoint, parameter);
            path = path.replace("{" + parameter.name() + "}", value);
        }
        return path;
    }

    /** A value that changes nothing shared, yet gets the request past routing. */
    private String harmless(Endpoint endpoint, Parameter parameter) {
        String path = endpoint.path();
        return switch (parameter.name()) {
            case "id" -> path.startsWith("/api/opportunities/") ? String.valueOf(own.id()) : NO_SUCH_ID;
            case "substateKey" -> "NoSuchSubstate";
            case "key" -> path.startsWith("/api/flows") ? "SolarSalesFlow" : "corpus-no-such-type";
            case "version" -> "1";
            case "list" -> "email-templates";
            case "name" -> "corpus-" + data.unique("template");
            default -> parameter.type().equals("integer") ? NO_SUCH_ID : "corpus";
        };
    }

    /** The body every field mutation starts from: one that changes nothing. */
    private String baseBody(Endpoint endpoint) throws IOException {
        String path = endpoint.path();
        if (path.equals("/api/opportunities")) {
            return opportunityBody("corpus-no-such-owner");
        }
        if (path.endsWith("/migrations")) {
            return "{\"fromVersion\": 1, \"toVersion\": 1, \"dryRun\": true}";
        }
        if (!endpoint.body().contentType().contains("json")) {
            return "not a document";
        }
        ObjectNode body = JSON.createObjectNode();
        for (Map.Entry<String, String> field : endpoint.body().fieldTypes().entrySet()) {
            switch (field.getValue()) {
                case "integer", "number" -> body.put(field.getKey(), 1);
                case "boolean" -> body.put(field.getKey(), true);
                case "array" -> body.putArray(field.getKey());
                case "object" -> body.putObject(field.getKey());
                default -> body.put(field.getKey(), "corpus-no-such-" + field.getKey());
            }
        }
        return JSON.writeValueAsString(body);
    }

    /** A new opportunity in Milano that is valid but for its owner, unless the owner is a real internal user. */
    private static String opportunityBody(String owner) throws IOException {
        return JSON.writeValueAsString(Map.of("customerName", "Corpus Cliente", "customerEmail", "corpus@customers.test",
                "postalCode", "20121", "province", "MI", "city", "Milano", "street", "Via Corpus 1",
                "ownerUsername", owner));
    }

    private String mutated(Endpoint endpoint, String field, String value) throws IOException {
        if (!endpoint.body().contentType().contains("json") || field.isEmpty()) {
            return value;
        }
        String base = baseBody(endpoint);
        ObjectNode body = (ObjectNode) JSON.readTree(base);
        body.remove(field);
        String rest = JSON.writeValueAsString(body);
        String separator = rest.equals("{}") ? "" : ", ";
        return "{\"" + field + "\": " + value + separator + rest.substring(1);
    }

    /** Bodies wrong as a whole: not JSON, not an object, nested too deep, a field the API does not know. */
    private Map<String, byte[]> wholeBodies(Endpoint endpoint) throws IOException {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        String base = baseBody(endpoint);
        bodies.put("empty body", new byte[0]);
        bodies.put("malformed JSON", "{\"customerName\": ".getBytes(StandardCharsets.UTF_8));
        bodies.put("trailing garbage", (base + "}}").getBytes(StandardCharsets.UTF_8));
        bodies.put("array body", "[1, 2]".getBytes(StandardCharsets.UTF_8));
        bodies.put("string body", "\"x\"".getBytes(StandardCharsets.UTF_8));
        bodies.put("null body", "null".getBytes(StandardCharsets.UTF_8));
        bodies.put("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'});
        bodies.put("lone surrogate bytes", new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'});
        bodies.put("huge nesting", nested(100_000).getBytes(StandardCharsets.UTF_8));
        bodies.put("deep object", "{\"a\":".repeat(5_000).concat("1").concat("}".repeat(5_000))
                .getBytes(StandardCharsets.UTF_8));
        if (base.startsWith("{")) {
            bodies.put("unknown field", ("{\"corpusUnknown\": 1, " + base.substring(1)).getBytes(StandardCharsets.UTF_8));
            bodies.put("duplicate field", ("{\"a\": 1, \"a\": 2, " + base.substring(1)).getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String cursor(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 160 ? printable.substring(0, 160) + "…(" + printable.length() + ")" : printable;
    }

    /** Every operation under /api in the app's OpenAPI document, with its parameters and JSON fields. */
    private List<Endpoint> endpoints() throws Exception {
        HttpResponse<String> response = exchange(admin, "GET", uri("/v3/api-docs"), null, null);
        assertThat(response.statusCode()).as("/v3/api-docs").isEqualTo(200);
        JsonNode document = JSON.readTree(response.body());
        List<Endpoint> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    String in = parameter.path("in").asText();
                    if (in.equals("query") || in.equals("path")) {
                        parameters.add(new Parameter(parameter.path("name").asText(), in,
                                parameter.path("schema").path("type").asText("string")));
                    }
                }
                endpoints.add(new Endpoint(method, path.getKey(), parameters,
                        body(document, operation.getValue().path("requestBody"))));
            }
        }
        return endpoints;
    }

    private static Body body(JsonNode document, JsonNode requestBody) {
        if (requestBody.isMissingNode()) {
            return null;
        }
        Iterator<Map.Entry<String, JsonNode>> contents = requestBody.path("content").fields();
        if (!contents.hasNext()) {
            return null;
        }
        Map.Entry<String, JsonNode> content = contents.next();
        JsonNode schema = content.getValue().path("schema");
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            schema = document.path("components").path("schemas").path(name);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
             properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            fields.put(property.getKey(), property.getValue().path("type").asText("object"));
        }
        if (fields.isEmpty()) {
            fields.put("", schema.path("type").asText("string"));
        }
        return new Body(content.getKey(), fields);
    }

    private record Endpoint(String method, String path, List<Parameter> parameters, Body body) {
    }

    private record Parameter(String name, String in, String type) {
    }

    /** A request body: its content type and its fields with their JSON types ("" for a body that is one value). */
    private record Body(String contentType, Map<String, String> fieldTypes) {

        List<String> fields() {
            return List.copyOf(fieldTypes.keySet());
        }
    }

    /** A value already percent-encoded, e.g. an invalid UTF-8 sequence. */
    private record Raw(String encoded) {
    }
}

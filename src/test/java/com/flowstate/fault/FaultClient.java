package com.flowstate.fault;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the fault suite asks of a node, over its public HTTP API as any client would: deploy the suite's flow (as
 * the demo's designer), open opportunities on it and close their substate (as the demo's internal user).
 */
final class FaultClient {

    static final String FLOW = "FaultFlow";
    static final String SUBSTATE = "Ping";

    /** How a close request ended, from the client's side. */
    enum Outcome {
        /** 2xx: the change is committed. */
        DONE,
        /** 409 "not open" or "flow has ended": an earlier request (whose answer was lost) already closed it. */
        ALREADY_CLOSED,
        /** 409 "try again" or a 5xx: the node answered but did not do it. */
        RETRY,
        /** No answer: the node is down or went down during the request; the change may or may not be committed. */
        UNREACHABLE
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    void deployFlow(URI node) throws IOException, InterruptedException {
        byte[] bpmn;
        try (InputStream in = FaultClient.class.getResourceAsStream("/fault/fault-flow.bpmn")) {
            bpmn = in.readAllBytes();
        }
        String boundary = "fault-" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        part(body, boundary, "deployment-name", null, "fault-flow.bpmn".getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "enable-duplicate-filtering", null, "true".getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "data", "fault-flow.bpmn", bpmn);
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(node.resolve("/engine-rest/deployment/create"))
                .header("Authorization", basic("designer"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Deploying the fault flow: " + answer.statusCode() + " " + answer.body());
        }
    }

    /** Opens opportunity {@code n} of the run on the fault flow; its substate Ping is open when this returns. */
    long openOpportunity(URI node, String run, int n) throws IOException, InterruptedException {
        String body = """
                {"customerName": "Fault %1$s %2$d", "customerEmail": "fault-%2$d@%1$s.example",
                 "postalCode": "20100", "province": "MI", "city": "Milano", "ownerUsername": "internal",
                 "flowKey": "%3$s"}""".formatted(run, n, FLOW);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(node.resolve("/api/opportunities"))
                .header("Authorization", basic("internal")).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("Opening an opportunity: " + answer.statusCode() + " " + answer.body());
        }
        JsonNode created = JSON.readTree(answer.body());
        return created.path("opportunity").path("id").asLong();
    }

    /** One manual substate change: closes Ping of the opportunity. */
    Outcome close(URI node, long opportunityId) {
        HttpRequest request = HttpRequest.newBuilder(
                        node.resolve("/api/opportunities/" + opportunityId + "/substates/" + SUBSTATE + "/close"))
                .header("Authorization", basic("internal")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = answer.statusCode();
            if (status / 100 == 2) {
                return Outcome.DONE;
            }
            if (status == 409 && (answer.body().contains("is not open") || answer.body().contains("has ended"))) {
                return Outcome.ALREADY_CLOSED;
            }
            if (status == 409 || status >= 500) {
                return Outcome.RETRY;
            }
            throw new IllegalStateException("Closing " + SUBSTATE + " of " + opportunityId + ": " + status + " "
                    + answer.body());
        } catch (IOException e) {
            return Outcome.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.UNREACHABLE;
        }
    }

    private static void part(java.io.ByteArrayOutputStream body, String boundary, String name, String fileName,
                             byte[] content) {
        String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream")
                + "\r\n\r\n";
        body.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /** The demo's users have their name as password. */
    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}

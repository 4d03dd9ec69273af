package com.flowstate;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.ServletException;

/**
 * A REST API call whose URI Tomcat itself refuses, before any filter or servlet (a NUL, {@code %C0%AF} or another
 * byte sequence that is not UTF-8 in the path), is answered like every other API error: an RFC 9457 problem detail,
 * not Tomcat's HTML page. Tomcat reports such an error through the engine's pipeline, where this valve comes first.
 */
@Component
class ApiUriErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ObjectMapper json;

    ApiUriErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addEngineValves(new ProblemValve(json));
    }

    /** Writes the problem detail of an error Tomcat found before the application, for URIs under /api/ only. */
    static final class ProblemValve extends ValveBase {

        private final ObjectMapper json;

        ProblemValve(ObjectMapper json) {
            super(true);
            this.json = json;
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            String uri = request.getCoyoteRequest().requestURI().toString();
            if (!response.isError() || response.getStatus() < 400 || uri == null || !uri.startsWith("/api/")
                    || response.isCommitted() || response.getContentWritten() > 0 || !response.setErrorReported()) {
                getNext().invoke(request, response);
                return;
            }
            HttpStatus status = HttpStatus.resolve(response.getStatus());
            String title = status == null ? "Error" : status.getReasonPhrase();
            response.setSuspended(false);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(Map.of("type", "about:blank", "title", title,
                        "status", response.getStatus(), "detail", "The request's URI is not valid: a NUL, a "
                                + "malformed %-escape or bytes that are not UTF-8 (" + title + ")")));
                response.finishResponse();
            }
        }
    }
}

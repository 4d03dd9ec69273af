package com.flowstate.idempotency;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.database.DatabaseOutage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code Idempotency-Key} on every state-changing {@code /api} request (POST, PUT, PATCH, DELETE). With the header,
 * the whole request — controller, services, the engine's commands, which all join an existing transaction — runs in
 * one transaction that first takes the key ({@link IdempotencyKeys#claim}) and, on a 2xx answer, stores the answer
 * with it: the work and the key commit or roll back together, and the client sees the answer only after the commit.
 * <ul>
 * <li>A retry with the same key and the same request gets the stored answer again, marked
 * {@code Idempotent-Replayed: true}; nothing runs twice. A retry that arrives while the first is still running
 * waits for it on the key's row, then gets its answer.</li>
 * <li>The same key with another method, path or body: 422.</li>
 * <li>A 4xx or 5xx answer is not stored: the key stays free for a corrected retry. What the request did stays as it
 * would without a key (nothing, when an exception rolled its transaction back; the log row of a refused substate
 * change).</li>
 * <li>A database outage (also at commit, when the outcome is unknown): 503 with {@code Retry-After}; the retry with
 * the same key either finds the committed answer or runs anew.</li>
 * </ul>
 * Ordered after Spring Security's filters, so the key belongs to the signed-in user. Without the header nothing
 * changes.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 10)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final IdempotencyKeys keys;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyKeys keys, PlatformTransactionManager transactions, ObjectMapper json) {
        this.keys = keys;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !STATE_CHANGING.contains(request.getMethod())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> key = key(request.getHeader(HEADER));
        if (key.isEmpty()) {
            writeProblem(response, HttpStatus.BAD_REQUEST, "Header 'Idempotency-Key' must be 1 to " + MAX_KEY_LENGTH
                    + " printable ASCII characters");
            return;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String path = request.getQueryString() == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
        RequestFingerprint fingerprint = RequestFingerprint.of(request.getMethod(), path, body);
        var buffered = new ContentCachingResponseWrapper(response);
        Outcome outcome;
        try {
            outcome = transaction.execute(status -> run(user.getName(), key.get(), fingerprint,
                    new BodyRequest(request, body), buffered, chain, status));
        } catch (ChainFailure failure) {
            failure.rethrow();
            return;
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isCause(e)) {
                throw e;
            }
            log.warn("Database unavailable during {} {} with an idempotency key, answered 503: {}",
                    request.getMethod(), path, DatabaseOutage.describe(e));
            if (response.isCommitted()) {
                return;
            }
            buffered.reset();
            DatabaseOutage.write(response, path);
            return;
        }
        if (outcome instanceof Outcome.Replay replay) {
            replay(replay.response(), response);
        } else if (outcome instanceof Outcome.Mismatch mismatch) {
            writeProblem(response, HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key '" + key.get()
                    + "' was used for another request (" + mismatch.earlier().method() + " "
                    + mismatch.earlier().path() + " or another body): use a new key for a new request");
        } else if (outcome instanceof Outcome.RolledBack) {
            buffered.reset();
            writeProblem(response, HttpStatus.CONFLICT, "The request collided with another change and was undone: "
                    + "retry it with the same Idempotency-Key");
        } else {
            buffered.copyBodyToResponse();
        }
    }

    private Outcome run(String username, String key, RequestFingerprint fingerprint, HttpServletRequest request,
                        ContentCachingResponseWrapper response, FilterChain chain, TransactionStatus status) {
        Optional<IdempotencyKeys.Earlier> earlier = keys.claim(username, key, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get().request().matches(fingerprint) ? new Outcome.Replay(earlier.get().response())
                    : new Outcome.Mismatch(earlier.get().request());
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
            throw new ChainFailure(e);
        }
        boolean success = response.getStatus() >= 200 && response.getStatus() < 300;
        if (status.isRollbackOnly()) {
            // Something inside failed and marked the transaction: all of it is undone, the key with it. A 2xx here
            // means a failure was caught and passed over inside: it would describe changes that are not there.
            status.setRollbackOnly();
            return success ? new Outcome.RolledBack() : new Outcome.Ran();
        }
        if (!success) {
            // A refusal keeps what it did as it would without a key (e.g. the log of a refused substate change);
            // the key stays free for a corrected request.
            keys.release(username, key);
            return new Outcome.Ran();
        }
        keys.complete(username, key, new StoredResponse(response.getStatus(), response.getContentType(),
                response.getHeader(HttpHeaders.LOCATION), response.getContentAsByteArray()));
        return new Outcome.Ran();
    }

    /** The header's value as the key: an RFC 8941 string ({@code "…"}) or the bare characters; empty if invalid. */
    static Optional<String> key(String header) {
        String key = header.length() >= 2 && header.startsWith("\"") && header.endsWith("\"")
                ? header.substring(1, header.length() - 1) : header;
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            return Optional.empty();
        }
        return Optional.of(key);
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    private void writeProblem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("header", HEADER);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** How the transaction ended, for the answer written after it. */
    private sealed interface Outcome {
        record Ran() implements Outcome {
        }

        record Replay(StoredResponse response) implements Outcome {
        }

        record Mismatch(RequestFingerprint earlier) implements Outcome {
        }

        record RolledBack() implements Outcome {
        }
    }

    /** The rest of the filter chain failed: carried out of the transaction callback, which rolls back. */
    private static final class ChainFailure extends RuntimeException {
        ChainFailure(Exception cause) {
            super(cause);
        }

        void rethrow() throws IOException, ServletException {
            if (getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) getCause();
        }
    }

    /** The request with its body read once (to fingerprint it) and served again to the controller. */
    private static final class BodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8
                    : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}

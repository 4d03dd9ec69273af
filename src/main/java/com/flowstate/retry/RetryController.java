package com.flowstate.retry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.history.CappedCount;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Retry, resend and attempts over REST. {@code {tab}} is a history tab's key, singular or plural ({@code email},
 * {@code emails}, {@code reports}…); the filters of "retry all failed matching" are the tab's own query parameters
 * ({@code GET /api/history/emails?…}). Retry and resend are for ADMIN and INTERNAL users (403 for anyone else); a row
 * outside the user's scope is a 404.
 */
@RestController
@Tag(name = "Retry and resend")
class RetryController {

    private final RetryService retries;
    private final ObjectMapper filters;

    RetryController(RetryService retries, ObjectMapper json) {
        this.retries = retries;
        this.filters = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    @GetMapping("/api/history/{tab}/{id}/attempts")
    @Operation(summary = "Every attempt of a row's execution: number, origin (FLOW, RETRY, RESEND), who asked, "
            + "start, end, outcome, reason")
    List<AttemptEntry> attempts(@PathVariable String tab, @PathVariable long id) {
        return retries.attempts(tab, id);
    }

    @PostMapping("/api/history/{tab}/{id}/retry")
    @Operation(summary = "Retry a failed row with its original inputs; the same row shows the new outcome")
    ResponseEntity<Map<String, Object>> retry(@PathVariable String tab, @PathVariable long id) {
        retries.retry(tab, id);
        return ResponseEntity.accepted().body(Map.of("id", id, "state", "SCHEDULED"));
    }

    @PostMapping("/api/history/{tab}/{id}/resend")
    @Operation(summary = "Send a sent e-mail or report again: a new row linked to this one (resendOf), a new "
            + "Message-ID")
    ResponseEntity<Map<String, Object>> resend(@PathVariable String tab, @PathVariable long id) {
        long newId = retries.resend(tab, id);
        return ResponseEntity.accepted().body(Map.of("id", newId, "resendOf", id, "state", "SCHEDULED"));
    }

    @GetMapping("/api/history/{tab}/retry/count")
    @Operation(summary = "How many failed rows match the tab's filters (what POST …/retry without ids would retry),"
            + " counted up to 10,000: {\"count\": 10000, \"capped\": true} means more than 10,000")
    Map<String, Object> count(@PathVariable String tab, @RequestParam MultiValueMap<String, String> parameters) {
        CappedCount count = retries.countFailed(tab, filter(tab, parameters));
        return Map.of("count", count.value(), "capped", count.capped());
    }

    @PostMapping("/api/history/{tab}/retry")
    @Operation(summary = "Bulk retry, asynchronous: body {\"ids\": [...]} for chosen rows, or no body for every "
            + "failed row matching the tab's filters (query parameters); answers the batch to poll")
    ResponseEntity<RetryBatchProgress> retryMany(@PathVariable String tab,
                                                 @RequestParam MultiValueMap<String, String> parameters,
                                                 @RequestBody(required = false) RetrySelection selection) {
        RetryBatchProgress batch = selection != null && selection.ids() != null
                ? retries.retrySelected(tab, selection.ids())
                : retries.retryMatching(tab, filter(tab, parameters));
        return ResponseEntity.accepted().body(batch);
    }

    @GetMapping("/api/history/{tab}/retry/batches/{batchId}")
    @Operation(summary = "Progress of a bulk retry")
    RetryBatchProgress batch(@PathVariable String tab, @PathVariable long batchId) {
        return retries.batch(batchId);
    }

    /** The rows a bulk retry should take. */
    record RetrySelection(List<Long> ids) {
    }

    private Object filter(String tab, MultiValueMap<String, String> parameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        parameters.forEach((name, list) -> {
            if (list.size() != 1) {
                throw new IllegalArgumentException("Filter '" + name + "' given " + list.size() + " times");
            }
            values.put(name, list.get(0).isBlank() ? null : list.get(0));
        });
        Class<?> type = retries.filterType(tab);
        try {
            return filters.convertValue(values, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid filters for the " + tab + " tab: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        int details = message == null ? -1 : message.indexOf(" (");
        return details > 0 ? message.substring(0, details) : String.valueOf(message);
    }

    @ExceptionHandler(RetryTargetNotFoundException.class)
    ProblemDetail notFound(RetryTargetNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(RetryRefusedException.class)
    ProblemDetail refused(RetryRefusedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}

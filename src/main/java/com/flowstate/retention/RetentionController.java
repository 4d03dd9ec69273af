package com.flowstate.retention;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Retention over REST, for admins only (the security chain and {@link RetentionService} both check it). */
@RestController
@RequestMapping("/api/admin/retention")
@Tag(name = "Administration")
class RetentionController {

    private final RetentionService retention;

    RetentionController(RetentionService retention) {
        this.retention = retention;
    }

    @GetMapping
    @Operation(summary = "How many days each history tab and the audit trail keep their rows")
    List<RetentionSetting> settings() {
        return retention.settings();
    }

    @PutMapping
    @Operation(summary = "Change the days of some tabs, e.g. {\"email\": 365, \"audit\": 3650}; tabs not named keep "
            + "theirs. Ranges: 1 to 36500 days, the audit trail at least 90")
    List<RetentionSetting> update(@RequestBody Map<String, Integer> days) {
        Map<RetentionTab, Integer> byTab = new EnumMap<>(RetentionTab.class);
        days.forEach((key, value) -> byTab.put(tabOf(key), value));
        return retention.update(byTab);
    }

    @GetMapping("/expired")
    @Operation(summary = "Dry run: how many rows each tab would lose if purged now (counted up to 10,000)")
    List<ExpiredRows> expired() {
        return retention.expired();
    }

    @PostMapping("/purge")
    @Operation(summary = "Purge every tab's expired rows now, in batches; answers what each tab lost. 409 while "
            + "another purge runs")
    List<PurgedRows> purge() {
        return retention.purgeNow();
    }

    private static RetentionTab tabOf(String key) {
        try {
            return RetentionTab.of(key);
        } catch (IllegalArgumentException e) {
            throw new UnknownTabException(key, e.getMessage());
        }
    }

    @ExceptionHandler(RetentionDaysException.class)
    ProblemDetail invalidDays(RetentionDaysException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("fields", List.of(e.tab().key()));
        return problem;
    }

    @ExceptionHandler(UnknownTabException.class)
    ProblemDetail unknownTab(UnknownTabException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("fields", List.of(e.key));
        return problem;
    }

    @ExceptionHandler(PurgeRunningException.class)
    ProblemDetail running(PurgeRunningException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    private static final class UnknownTabException extends IllegalArgumentException {

        private final String key;

        UnknownTabException(String key, String message) {
            super(message);
            this.key = key.replace('\0', '?');
        }
    }
}

package com.flowstate.flow;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How actions are retried.
 *
 * @param retryCycle Camunda retry cycle for transient failures, {@code R<attempts>/<ISO-8601 back-off>}, e.g.
 *                   {@code R3/PT30S}: three attempts in all, thirty seconds apart
 */
@ConfigurationProperties("flowstate.actions")
public record ActionProperties(String retryCycle) {

    private static final Pattern CYCLE = Pattern.compile("R(\\d+)/P.+");

    public ActionProperties {
        if (retryCycle == null || !CYCLE.matcher(retryCycle).matches()) {
            throw new IllegalArgumentException("flowstate.actions.retry-cycle must look like R3/PT30S, was " + retryCycle);
        }
    }

    /** Attempts in all, the first included. */
    public int attempts() {
        var matcher = CYCLE.matcher(retryCycle);
        matcher.matches();
        return Math.max(1, Integer.parseInt(matcher.group(1)));
    }
}

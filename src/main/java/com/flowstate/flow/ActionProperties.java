package com.flowstate.flow;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How actions are retried.
 *
 * @param retryCycle    Camunda retry cycle for transient failures, {@code R<attempts>/<ISO-8601 back-off>}, e.g.
 *                      {@code R3/PT30S}: three attempts in all, thirty seconds apart
 * @param confirmWindow how long an attempt keeps trying to record that it sent something while the database does not
 *                      answer, and how long a retry that finds such an attempt unfinished waits for its record before
 *                      sending again (action.Outbound)
 */
@ConfigurationProperties("flowstate.actions")
public record ActionProperties(String retryCycle, @DefaultValue("30s") Duration confirmWindow) {

    private static final Pattern CYCLE = Pattern.compile("R(\\d+)/P.+");

    public ActionProperties {
        if (retryCycle == null || !CYCLE.matcher(retryCycle).matches()) {
            throw new IllegalArgumentException("flowstate.actions.retry-cycle must look like R3/PT30S, was " + retryCycle);
        }
        if (confirmWindow == null || confirmWindow.isNegative()) {
            throw new IllegalArgumentException("flowstate.actions.confirm-window must be a positive duration, was "
                    + confirmWindow);
        }
    }

    /** Attempts in all, the first included. */
    public int attempts() {
        var matcher = CYCLE.matcher(retryCycle);
        matcher.matches();
        return Math.max(1, Integer.parseInt(matcher.group(1)));
    }
}

package com.flowstate.flow;

import org.springframework.stereotype.Component;

/**
 * Timer durations a flow reads by expression, e.g. {@code ${flowTimers.followUpDelay}}, so that tests and the demo
 * can shorten days to seconds without editing the BPMN.
 */
@Component("flowTimers")
public class FlowTimers {

    private final FlowProperties properties;

    FlowTimers(FlowProperties properties) {
        this.properties = properties;
    }

    /** ISO-8601 duration, as a BPMN timer wants it. */
    public String getFollowUpDelay() {
        return properties.followUpDelay().toString();
    }
}

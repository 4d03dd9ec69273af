package com.flowstate.flow;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The opportunity flow.
 *
 * @param processKey     BPMN process started for every new opportunity
 * @param followUpDelay  how long after a contact opens the follow-up reminder goes out (the demo flow's timer)
 */
@ConfigurationProperties("flowstate.flow")
public record FlowProperties(String processKey, Duration followUpDelay) {
}

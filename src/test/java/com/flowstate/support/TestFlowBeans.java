package com.flowstate.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Beans only the test flows use. */
@TestConfiguration(proxyBeanMethods = false)
public class TestFlowBeans {

    /**
     * Fails the first time it runs for a process instance whose variable {@code failAfterSend} is true: the job's
     * transaction rolls back after the e-mail went out, as a failed commit would.
     */
    @Bean("failOnceAfterSend")
    JavaDelegate failOnceAfterSend() {
        Set<String> failed = ConcurrentHashMap.newKeySet();
        return execution -> {
            if (Boolean.TRUE.equals(execution.getVariable("failAfterSend"))
                    && failed.add(execution.getProcessInstanceId())) {
                throw new IllegalStateException("Simulated failure after the send, before the commit");
            }
        };
    }
}

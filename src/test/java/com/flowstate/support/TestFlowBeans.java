package com.flowstate.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import com.flowstate.opportunity.ManualSubstateChange;

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

    @Bean
    ManualChangeLogFault manualChangeLogFault() {
        return new ManualChangeLogFault();
    }

    /** Makes the log row of a manual change fail to be written, as a database refusing the insert would. */
    public static final class ManualChangeLogFault {

        private final Set<String> armed = ConcurrentHashMap.newKeySet();

        /** The next change made by hand on this process instance fails while its row is written. */
        public void failNextLogOf(String processInstanceId) {
            armed.add(processInstanceId);
        }

        @EventListener
        void on(ManualSubstateChange change) {
            if (change.made() && armed.remove(change.processInstanceId())) {
                throw new IllegalStateException("Simulated failure writing the manual change's row");
            }
        }
    }
}

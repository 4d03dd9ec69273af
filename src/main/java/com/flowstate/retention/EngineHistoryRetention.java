package com.flowstate.retention;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's history as long as the action tabs keep theirs: every process definition's history time-to-live is
 * set to the longest retention of the action tabs (Camunda's history cleanup, in its nightly window, then removes
 * what the tabs no longer show). A definition deployed with another time-to-live (the BPMN's own) is aligned by the
 * next nightly purge. Camunda computes a finished instance's removal time when it ends, so a change applies to the
 * instances that end after it.
 */
@Component
class EngineHistoryRetention {

    private static final Logger log = LoggerFactory.getLogger(EngineHistoryRetention.class);

    private final RepositoryService repository;

    EngineHistoryRetention(RepositoryService repository) {
        this.repository = repository;
    }

    /** Sets every process definition whose time-to-live differs to {@code days}; returns how many changed. */
    int align(int days) {
        int changed = 0;
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            Integer current = definition.getHistoryTimeToLive();
            if (current == null || current != days) {
                repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
                changed++;
            }
        }
        if (changed > 0) {
            log.info("Camunda history time-to-live set to {} days on {} process definitions", days, changed);
        }
        return changed;
    }
}

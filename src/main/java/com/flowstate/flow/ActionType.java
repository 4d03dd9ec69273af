package com.flowstate.flow;

import java.util.Arrays;
import java.util.Optional;

/**
 * The automatic actions a designer can place in a flow, each bound to the Spring bean that performs it. The bean
 * name is what the BPMN service task's {@code camunda:delegateExpression} says.
 */
public enum ActionType {
    EMAIL("sendEmailAction"),
    ACTIVITY("createActivityAction"),
    SUBSTATE_CHANGE("changeSubstateAction"),
    ASSIGNMENT("assignPartnerAction"),
    EXPORT("runExportAction"),
    REPORT("sendReportAction"),
    WEBHOOK("callWebhookAction");

    private final String beanName;

    ActionType(String beanName) {
        this.beanName = beanName;
    }

    public String beanName() {
        return beanName;
    }

    public String delegateExpression() {
        return "${" + beanName + "}";
    }

    static Optional<ActionType> fromDelegateExpression(String expression) {
        if (expression == null) {
            return Optional.empty();
        }
        String trimmed = expression.strip();
        return Arrays.stream(values()).filter(type -> type.delegateExpression().equals(trimmed)).findFirst();
    }
}

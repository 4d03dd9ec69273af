package com.flowstate.bench;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The baseline's service tasks ({@code ${benchNoopDelegate}}): a bare Camunda delegate that does nothing, so a
 * baseline flow costs only what the engine itself costs (its jobs, its own full history). A trusted delegate of the
 * test profile only ({@code flowstate.deployments.trusted-delegates}).
 */
@Component("benchNoopDelegate")
class BenchNoopDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        // Nothing: the baseline measures the engine, not an action.
    }
}

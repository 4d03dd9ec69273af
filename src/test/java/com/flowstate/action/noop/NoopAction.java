package com.flowstate.action.noop;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.flowstate.action.Action;
import com.flowstate.action.ActionFailure;
import com.flowstate.action.ActionRunner;
import com.flowstate.i18n.Reason;

/**
 * A test-only action ({@code ${noopAction}}) that does nothing but succeed or fail as its parameter says. Everything
 * of it is in this folder, its migration ({@code db/migration/R__noop_history.sql}) and its element template
 * ({@code element-templates/noop.json}) under src/test/resources: no file of the application names it.
 */
@Component
public class NoopAction extends Action<NoopParameters> {

    NoopAction(ActionRunner runner) {
        super(NoopParameters.class, "noop_history", runner, (attempt, parameters, row) -> {
            row.put("outcome", parameters.outcome()).put("note", parameters.note());
            if ("FAIL".equals(parameters.outcome())) {
                throw ActionFailure.permanent(Reason.UNEXPECTED, "message", "Asked to fail");
            }
            if ("CRASH".equals(parameters.outcome())) {
                throw new IllegalStateException("Crashed as asked");
            }
        });
    }

    @Override
    protected Map<String, Object> scheduledColumns(NoopParameters parameters) {
        return isLiteral(parameters.outcome()) ? Map.of("outcome", parameters.outcome()) : Map.of();
    }

    @Override
    protected List<String> modelProblems(NoopParameters parameters, Set<String> substateKeys) {
        String outcome = parameters.outcome();
        if (isLiteral(outcome) && !List.of("SUCCEED", "FAIL", "CRASH").contains(outcome)) {
            return List.of("unknown outcome '" + outcome + "' (expected SUCCEED, FAIL or CRASH)");
        }
        return List.of();
    }
}

package com.flowstate.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.flowstate.support.IntegrationTest;

/**
 * The application refuses to start with an action that lacks its history table, its tab or its Modeler element
 * template: before, an action without a table ran and silently recorded nothing.
 */
@IntegrationTest
class IncompleteActionsIT {

    @Autowired Actions actions;
    @Autowired List<Action<?>> registered;
    @Autowired ActionRunner runner;

    @Test
    void everyActionOfTheApplicationIsComplete() {
        assertThat(actions.incompleteness(registered)).isEmpty();
    }

    @Test
    void anActionWithoutTableTabOrTemplateIsNamedWithWhatItLacks() {
        Action<?> orphan = new OrphanAction(runner);
        orphan.setBeanName("orphanAction");

        List<String> problems = actions.incompleteness(List.of(orphan));

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).contains("'orphanAction'", "history table 'orphan_history'", "created_at");
        assertThat(problems.get(1)).contains("'orphanAction' has no tab in the action history");
        assertThat(problems.get(2)).contains("'orphanAction' has no Camunda Modeler element template",
                "${orphanAction}");
    }

    record OrphanParameters(String anything) {
    }

    static final class OrphanAction extends Action<OrphanParameters> {

        OrphanAction(ActionRunner runner) {
            super(OrphanParameters.class, "orphan_history", runner, (attempt, parameters, row) -> { });
        }
    }
}

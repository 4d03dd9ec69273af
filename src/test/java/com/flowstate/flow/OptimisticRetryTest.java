package com.flowstate.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;

/**
 * A manual substate change that collides with the engine (a timer firing at the same instant) is tried again, and
 * when it keeps colliding it is a conflict the client can retry, not a server error.
 */
class OptimisticRetryTest {

    @Test
    void aChangeThatCollidesOnceIsMadeOnTheNextTry() {
        AtomicInteger tries = new AtomicInteger();

        String made = FlowService.withOptimisticRetry(() -> {
            if (tries.incrementAndGet() == 1) {
                throw new OptimisticLockingException("collided");
            }
            return "made";
        });

        assertThat(made).isEqualTo("made");
        assertThat(tries).hasValue(2);
    }

    @Test
    void aChangeThatKeepsCollidingIsAConflictToRetry() {
        assertThatThrownBy(() -> FlowService.withOptimisticRetry(() -> {
            throw new OptimisticLockingException("collided");
        })).isInstanceOfSatisfying(SubstateChangeException.class, refused -> {
            assertThat(refused.reason()).isEqualTo(SubstateChangeException.Reason.CONCURRENT_CHANGE);
            assertThat(refused.getMessage()).contains("try again");
        });
    }
}

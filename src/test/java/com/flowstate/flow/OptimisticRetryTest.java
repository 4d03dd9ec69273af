package com.flowstate.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
    void aParentExecutionRemovedByAJobMeanwhileIsACollisionToo() {
        AtomicInteger tries = new AtomicInteger();

        String made = FlowService.withOptimisticRetry(() -> {
            if (tries.incrementAndGet() == 1) {
                throw new ProcessEngineException("ENGINE-03077 Cannot resolve parent with id 'a' of execution 'b', "
                        + "perhaps it was deleted in the meantime");
            }
            return "made";
        });

        assertThat(made).isEqualTo("made");
        assertThat(tries).hasValue(2);
    }

    @Test
    void aDeadlockVictimIsACollisionToo() {
        AtomicInteger tries = new AtomicInteger();

        String made = FlowService.withOptimisticRetry(() -> {
            if (tries.incrementAndGet() == 1) {
                throw new ProcessEngineException("An exception occurred in the persistence layer",
                        new java.sql.SQLException("ERROR: deadlock detected", "40P01"));
            }
            return "made";
        });

        assertThat(made).isEqualTo("made");
    }

    @Test
    void aChildExecutionAJobAddedUnderTheEndingScopeIsACollisionToo() {
        AtomicInteger tries = new AtomicInteger();

        String made = FlowService.withOptimisticRetry(() -> {
            if (tries.incrementAndGet() == 1) {
                throw new ProcessEngineException("An exception occurred in the persistence layer",
                        new java.sql.SQLException("ERROR: update or delete on table \"act_ru_execution\" violates "
                                + "foreign key constraint \"act_fk_exe_parent\" on table \"act_ru_execution\"",
                                "23503"));
            }
            return "made";
        });

        assertThat(made).isEqualTo("made");
    }

    @Test
    void insideACallersTransactionACollisionIsAConflictAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> FlowService.withOptimisticRetry(() -> {
                tries.incrementAndGet();
                throw new OptimisticLockingException("collided");
            })).isInstanceOf(SubstateChangeException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(tries).hasValue(1);
    }

    @Test
    void anyOtherEngineErrorIsNotRetried() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> FlowService.withOptimisticRetry(() -> {
            tries.incrementAndGet();
            throw new ProcessEngineException("ENGINE-09005 Could not parse");
        })).hasMessageStartingWith("ENGINE-09005");
        assertThat(tries).hasValue(1);
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

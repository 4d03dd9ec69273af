package com.flowstate.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.flowstate.support.IntegrationTest;

/**
 * A job an attempt is running keeps its lock for as long as the attempt runs, and a second executor that picks the
 * same job up (its lock expired all the same) waits for the first, then gives way if the first changed the job.
 */
@IntegrationTest
class RunningJobsIT {

    @Autowired RunningJobs runningJobs;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    private final String jobId = "running-jobs-" + UUID.randomUUID();

    /** A job this node holds; due in thirty days, so no executor ever runs it. */
    @BeforeEach
    void aJobLockedByThisNode() {
        jdbc.sql("""
                        insert into act_ru_job (id_, rev_, type_, lock_owner_, lock_exp_time_, exclusive_, retries_,
                                                duedate_, handler_type_, suspension_state_, priority_)
                        values (?, 1, 'message', 'this-node', ?, true, 3, now() + interval '30 days',
                                'flowstate-test', 1, 0)""")
                .params(jobId, Timestamp.from(Instant.now().plusSeconds(2))).update();
    }

    @AfterEach
    void removeTheJob() {
        jdbc.sql("delete from act_ru_job where id_ = ?").param(jobId).update();
    }

    @Test
    void theLockOfARunningAttemptIsRenewedAndItsOwnCopyOfTheJobFollows() {
        inTransaction(() -> {
            JobEntity job = job();
            runningJobs.claim(job);
            runningJobs.renew();

            Timestamp expiry = lockExpiry();
            assertThat(expiry.toInstant()).isAfter(Instant.now().plusSeconds(10));
            assertThat(job.getLockExpirationTime().getTime()).isEqualTo(expiry.getTime());
        });
        // Once the attempt's transaction ended, nothing renews the lock any more.
        Timestamp after = lockExpiry();
        runningJobs.renew();
        assertThat(lockExpiry()).isEqualTo(after);
    }

    @Test
    void aSecondExecutorWaitsForTheFirstAndGivesWayWhenTheFirstChangedTheJob() throws Exception {
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> inTransaction(() -> {
            runningJobs.claim(job());
            firstClaimed.countDown();
            sleep(Duration.ofSeconds(1));
            // The first attempt ends by changing the job (a failure recorded, or the job done).
            jdbc.sql("update act_ru_job set rev_ = rev_ + 1 where id_ = ?").param(jobId).update();
        }));
        assertThat(firstClaimed.await(10, TimeUnit.SECONDS)).isTrue();
        JobEntity sameJobAsSeenBefore = job();

        long started = System.nanoTime();
        assertThatThrownBy(() -> inTransaction(() -> runningJobs.claim(sameJobAsSeenBefore)))
                .isInstanceOf(OptimisticLockingException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(500));
        first.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSecondExecutorGoesOnWhenTheFirstLeftTheJobAsItWas() throws Exception {
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> inTransaction(() -> {
            runningJobs.claim(job());
            firstClaimed.countDown();
            sleep(Duration.ofMillis(500));
        }));
        assertThat(firstClaimed.await(10, TimeUnit.SECONDS)).isTrue();

        inTransaction(() -> runningJobs.claim(job()));
        first.get(10, TimeUnit.SECONDS);
    }

    private JobEntity job() {
        return (JobEntity) management.createJobQuery().jobId(jobId).singleResult();
    }

    private Timestamp lockExpiry() {
        return jdbc.sql("select lock_exp_time_ from act_ru_job where id_ = ?").param(jobId)
                .query(Timestamp.class).single();
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

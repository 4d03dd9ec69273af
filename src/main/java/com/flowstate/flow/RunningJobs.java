package com.flowstate.flow;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The engine jobs of the action attempts running on this node.
 *
 * <p>The engine locks a job it executes for the lock time ({@code camunda.bpm.job-execution.lock-time-in-millis},
 * 30 s by default here, so the jobs of a node that died run again within a minute) and never renews that lock: an
 * attempt running longer (a large export) would be picked up a second time while it still runs. So:
 * <ul>
 *   <li>the lock of every attempt still running here is renewed every third of the lock time, until its
 *   transaction ends;</li>
 *   <li>an attempt that starts on a job another executor still runs (its lock expired all the same: a pause longer
 *   than the lock time, a database connection lost and found again) waits for that one to end — an advisory lock on
 *   the job, held until the transaction ends — and then gives way if the other changed the job meanwhile, as the
 *   engine does for any concurrent change ({@link OptimisticLockingException}: the job is not failed, only
 *   acquired again later).</li>
 * </ul>
 */
@Component
class RunningJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunningJobs.class);

    /** Job id → the job as its attempt's command holds it. */
    private final Map<String, JobEntity> running = new ConcurrentHashMap<>();
    private final ObjectProvider<JdbcClient> jdbc;
    private final Duration lockTime;
    private final ScheduledExecutorService renewals;

    RunningJobs(ObjectProvider<JdbcClient> jdbc,
                @Value("${camunda.bpm.job-execution.lock-time-in-millis:300000}") long lockTimeMillis) {
        this.jdbc = jdbc;
        this.lockTime = Duration.ofMillis(lockTimeMillis);
        this.renewals = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "job-lock-renewal");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1000, lockTimeMillis / 3);
        renewals.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Called at the start of an attempt, in the job's transaction: waits while another executor still runs the same
     * job, gives way if that one changed it, then keeps the job's lock until the transaction ends.
     */
    void claim(JobEntity job) {
        JdbcClient sql = jdbc.getObject();
        sql.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(job.getId()).query().listOfRows();
        Integer revision = sql.sql("select rev_ from act_ru_job where id_ = ?").param(job.getId())
                .query(Integer.class).optional().orElse(null);
        if (revision == null || revision != job.getRevision()) {
            throw new OptimisticLockingException("Job " + job.getId() + " was run meanwhile by another executor");
        }
        if (job.getLockOwner() == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        running.put(job.getId(), job);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                running.remove(job.getId());
            }
        });
    }

    /**
     * Moves the lock expiry of the running attempts' jobs one lock time ahead (a row another transaction holds is
     * skipped). The attempt's own copy of the job moves too: the engine takes a failed job whose expiry differs from
     * its copy's for one another executor acquired again, and would not record the failure.
     */
    void renew() {
        if (running.isEmpty()) {
            return;
        }
        Instant until = Instant.now().plus(lockTime).truncatedTo(ChronoUnit.MILLIS);
        running.forEach((jobId, job) -> {
            try {
                int renewed = jdbc.getObject().sql("""
                                update act_ru_job set lock_exp_time_ = ?
                                where id_ in (select id_ from act_ru_job where id_ = ? and lock_owner_ = ?
                                              for update skip locked)""")
                        .params(Timestamp.from(until), jobId, job.getLockOwner()).update();
                if (renewed == 1) {
                    job.setLockExpirationTime(Date.from(until));
                }
            } catch (DataAccessException databaseDown) {
                log.info("Could not renew the lock of job {}: {}", jobId, databaseDown.getMessage());
            }
        });
    }

    @Override
    public void destroy() {
        renewals.shutdownNow();
    }
}

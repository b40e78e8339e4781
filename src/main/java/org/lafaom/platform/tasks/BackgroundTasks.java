package org.lafaom.platform.tasks;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.VoidExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.SQLException;
import java.time.Duration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How other modules define and start background work. A task is declared once as a bean with
 * {@link #define}; {@link #start} schedules one execution inside the caller's transaction (the
 * scheduler's connection joins it), so the work exists if and only if its cause was committed.
 * The instance id is the business key: starting the same key twice runs once.
 */
@Service
public class BackgroundTasks {

    private final SchedulerClient scheduler;
    private final TaskProperties properties;
    private final TaskFailures failures;
    private final MeterRegistry meters;

    BackgroundTasks(@Lazy SchedulerClient scheduler, TaskProperties properties, TaskFailures failures, MeterRegistry meters) {
        this.scheduler = scheduler;
        this.properties = properties;
        this.failures = failures;
        this.meters = meters;
    }

    /** A one-time task with this platform's retry policy; successes are counted per task name. */
    public <T> OneTimeTask<T> define(String name, Class<T> dataType, VoidExecutionHandler<T> handler) {
        return Tasks.oneTime(name, dataType)
                .onFailure(new RetryThenRecordFailure<>(properties, failures))
                .execute((instance, context) -> {
                    handler.execute(instance, context);
                    meters.counter("lafaom.jobs.succeeded", "kind", name).increment();
                });
    }

    /**
     * A task that runs every {@code interval} (counted from the end of the previous run) on one
     * worker at a time across replicas; it is scheduled when the scheduler starts. A failed run is
     * logged and the next one comes at the usual time.
     */
    public RecurringTask<Void> recurring(String name, Duration interval, Runnable work) {
        return Tasks.recurring(name, FixedDelay.of(interval))
                .execute((instance, context) -> {
                    work.run();
                    meters.counter("lafaom.jobs.succeeded", "kind", name).increment();
                });
    }

    /**
     * Schedules {@code data} for {@code task} now, once per {@code key}; returns false if it already
     * exists. db-scheduler checks, inserts, and on a failed insert checks again: when two callers
     * start one key at the same moment and the first one's execution has already run and gone by
     * then, the second gets the primary-key error. The key was started: that is not a failure.
     * (Inside a transaction the database has aborted it by then, so the error goes up.)
     */
    public <T> boolean start(OneTimeTask<T> task, String key, T data) {
        try {
            return scheduler.scheduleIfNotExists(task.instance(key, data), Instant.now());
        } catch (TaskInstanceException e) {
            if (duplicateKey(e) && !TransactionSynchronizationManager.isActualTransactionActive()) {
                return false;
            }
            throw e;
        }
    }

    private static boolean duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

package org.lafaom.platform.tasks;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Exponential back-off, then a row in {@code task_failures} instead of losing the task. */
final class RetryThenRecordFailure<T> implements FailureHandler<T> {

    private static final Logger log = LoggerFactory.getLogger(RetryThenRecordFailure.class);

    private final TaskProperties properties;
    private final TaskFailures failures;

    RetryThenRecordFailure(TaskProperties properties, TaskFailures failures) {
        this.properties = properties;
        this.failures = failures;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        int attempts = complete.getExecution().consecutiveFailures + 1;
        String error = complete.getCause().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse("unknown error");
        boolean permanent = complete.getCause().filter(PermanentTaskFailure.class::isInstance).isPresent();
        if (permanent || attempts > properties.maxRetries()) {
            log.error("Task {} failed {} times, recorded for staff: {}", complete.getExecution().taskInstance, attempts, error);
            failures.record(complete.getExecution(), attempts, error);
            operations.stop();
            return;
        }
        Duration wait = delay(attempts);
        log.warn("Task {} failed (attempt {}), retrying in {}: {}", complete.getExecution().taskInstance, attempts, wait, error);
        operations.reschedule(complete, complete.getTimeDone().plus(wait));
    }

    Duration delay(int attempts) {
        double factor = Math.pow(properties.backoffRate(), attempts - 1);
        return Duration.ofMillis((long) Math.min(properties.firstRetry().toMillis() * factor, Duration.ofHours(6).toMillis()));
    }
}

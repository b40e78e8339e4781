package org.lafaom.platform.tasks;

import com.github.kagkarlsson.scheduler.task.Execution;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tasks that exhausted their retries, with what they carried, until staff retry them. */
@Repository
class TaskFailures {

    record Failure(long id, String taskName, String taskInstance, int attempts, String lastError, OffsetDateTime failedAt,
            OffsetDateTime retriedAt) {}

    record Payload(String taskName, String taskInstance, byte[] taskData) {}

    private final JdbcClient jdbc;

    TaskFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Execution execution, int attempts, String error) {
        jdbc.sql("""
                INSERT INTO task_failures (task_name, task_instance, task_data, attempts, last_error)
                SELECT task_name, task_instance, task_data, :attempts, :error FROM scheduled_tasks
                WHERE task_name = :name AND task_instance = :instance""")
                .param("attempts", attempts)
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .param("name", execution.getTaskName())
                .param("instance", execution.taskInstance.getId())
                .update();
    }

    List<Failure> open(int limit) {
        return jdbc.sql("""
                SELECT id, task_name, task_instance, attempts, last_error, failed_at, retried_at FROM task_failures
                WHERE retried_at IS NULL ORDER BY failed_at DESC LIMIT :limit""")
                .param("limit", limit).query(Failure.class).list();
    }

    Optional<Payload> takeForRetry(long id) {
        return jdbc.sql("UPDATE task_failures SET retried_at = now() WHERE id = :id AND retried_at IS NULL RETURNING task_name, task_instance, task_data")
                .param("id", id).query(Payload.class).optional();
    }
}

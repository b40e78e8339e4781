package org.lafaom.platform.tasks;

import java.util.List;
import java.util.Map;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ApiResponse;
import org.lafaom.platform.shared.ErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff view of background work: what waits, what failed for good, and a way to retry it. */
@RestController
@RequestMapping("/api/v1/system/background-tasks")
class TaskController {

    record Pending(String taskName, long count, long retrying) {}

    record Overview(List<Pending> pending, List<TaskFailures.Failure> failures) {}

    private final JdbcClient jdbc;
    private final TaskFailures failures;

    TaskController(JdbcClient jdbc, TaskFailures failures) {
        this.jdbc = jdbc;
        this.failures = failures;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('can_manage_background_tasks')")
    ApiResponse<Overview> overview() {
        List<Pending> pending = jdbc.sql("""
                SELECT task_name, count(*) AS count, count(*) FILTER (WHERE coalesce(consecutive_failures, 0) > 0) AS retrying
                FROM scheduled_tasks GROUP BY task_name ORDER BY task_name""").query(Pending.class).list();
        return ApiResponse.ok("Background tasks", new Overview(pending, failures.open(200)));
    }

    /** Puts a failed task back in the queue, to run now with fresh retries. */
    @PostMapping("/failures/{id}/retry")
    @PreAuthorize("hasAuthority('can_manage_background_tasks')")
    @Transactional
    ApiResponse<Map<String, Object>> retry(@PathVariable long id) {
        TaskFailures.Payload payload = failures.takeForRetry(id).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
        jdbc.sql("""
                INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version, consecutive_failures)
                VALUES (:name, :instance, :data, now(), false, 1, 0)
                ON CONFLICT (task_name, task_instance) DO UPDATE SET execution_time = now(), consecutive_failures = 0, picked = false""")
                .param("name", payload.taskName()).param("instance", payload.taskInstance()).param("data", payload.taskData())
                .update();
        return ApiResponse.ok("Task scheduled again", Map.of("task_name", payload.taskName(), "task_instance", payload.taskInstance()));
    }
}

package org.lafaom.platform.tasks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code lafaom_jobs_pending{kind}} and {@code lafaom_jobs_failed{kind}} gauges, refreshed from
 * the tables every 15 s (a scrape never waits on the database).
 */
@Component
class TaskMetrics {

    private record Count(String kind, long count) {}

    private final JdbcClient jdbc;
    private final MultiGauge pending;
    private final MultiGauge failed;

    TaskMetrics(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.pending = MultiGauge.builder("lafaom.jobs.pending").description("Background tasks waiting or retrying").register(meters);
        this.failed = MultiGauge.builder("lafaom.jobs.failed").description("Background tasks that exhausted their retries").register(meters);
    }

    @Scheduled(initialDelayString = "0", fixedDelayString = "${lafaom.tasks.metrics-interval:15s}")
    void refresh() {
        pending.register(rows(jdbc.sql("SELECT task_name AS kind, count(*) AS count FROM scheduled_tasks GROUP BY task_name")
                .query(Count.class).list()), true);
        failed.register(rows(jdbc.sql("SELECT task_name AS kind, count(*) AS count FROM task_failures WHERE retried_at IS NULL GROUP BY task_name")
                .query(Count.class).list()), true);
    }

    private static List<MultiGauge.Row<?>> rows(List<Count> counts) {
        return counts.stream().<MultiGauge.Row<?>>map(c -> MultiGauge.Row.of(Tags.of("kind", c.kind()), c.count())).toList();
    }
}

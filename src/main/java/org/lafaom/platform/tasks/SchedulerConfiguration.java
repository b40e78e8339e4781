package org.lafaom.platform.tasks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import tools.jackson.databind.ObjectMapper;

/**
 * The db-scheduler instance, built here rather than by its Spring Boot starter, whose
 * auto-configuration still orders itself after Boot 3 classes. The data source is made
 * transaction-aware, so scheduling joins the caller's transaction. Workers start once the
 * application is ready (after Flyway) and stop, finishing running tasks, at shutdown.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, TaskProperties properties, ObjectMapper mapper,
            MeterRegistry meters) {
        // Recurring tasks are "start tasks": db-scheduler schedules their first run at start-up.
        List<Task<?>> oneTime = tasks.stream().filter(t -> !(t instanceof RecurringTask<?>)).toList();
        List<RecurringTask<?>> recurring = new java.util.ArrayList<>();
        tasks.stream().filter(t -> t instanceof RecurringTask<?>).forEach(t -> recurring.add((RecurringTask<?>) t));
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), oneTime)
                .startTasks(recurring)
                .tableName("scheduled_tasks")
                .serializer(new JsonTaskSerializer(mapper))
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .threads(properties.threads())
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(20))
                .statsRegistry(new MicrometerStatsRegistry(meters, tasks))
                .build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(Scheduler.class).start();
    }
}

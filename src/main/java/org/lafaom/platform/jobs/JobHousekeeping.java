package org.lafaom.platform.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import org.lafaom.platform.tasks.BackgroundTasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hourly removal of uploaded documents that no application claimed (one replica at a time). */
@Configuration(proxyBeanMethods = false)
class JobHousekeeping {

    @Bean
    RecurringTask<Void> jobUploadsCleanupTask(BackgroundTasks tasks, JobAttachments attachments) {
        return tasks.recurring("job-uploads-cleanup", Duration.ofHours(1), attachments::removeUnclaimed);
    }
}

package org.lafaom.platform.moodle;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.util.Optional;
import java.util.function.Supplier;
import org.lafaom.platform.moodle.MoodleSyncState.Kind;
import org.lafaom.platform.tasks.BackgroundTasks;
import org.lafaom.platform.tasks.PermanentTaskFailure;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable tasks of Moodle provisioning. Each records its outcome in {@code moodle_sync} (what
 * staff see) and lets failures through to the task machinery, which retries with back-off, or
 * stops at once on a configuration error (bad token, missing capability).
 */
@Configuration(proxyBeanMethods = false)
class MoodleTasks {

    static final String ACCOUNT = "moodle-account";
    static final String COURSE = "moodle-course";
    static final String ENROLMENT = "moodle-enrolment";
    static final String RECONCILE_NOW = "moodle-reconcile-now";
    static final String RECONCILE_SCHEDULED = "moodle-reconcile";

    record AccountSync(String userId, long generation) {}

    record CourseSync(String sessionId, long generation) {}

    record EnrolmentSync(String userId, String sessionId, long generation) {}

    record ReconcileRequest(String requestedBy) {}

    @Bean
    OneTimeTask<AccountSync> moodleAccountTask(BackgroundTasks tasks, MoodleProvisioning provisioning, MoodleSyncState state) {
        return tasks.define(ACCOUNT, AccountSync.class, (instance, context) -> {
            AccountSync job = instance.getData();
            run(state, Kind.ACCOUNT, job.userId(), job.generation(), () -> provisioning.ensureAccount(job.userId()));
        });
    }

    @Bean
    OneTimeTask<CourseSync> moodleCourseTask(BackgroundTasks tasks, MoodleProvisioning provisioning, MoodleSyncState state) {
        return tasks.define(COURSE, CourseSync.class, (instance, context) -> {
            CourseSync job = instance.getData();
            run(state, Kind.COURSE, job.sessionId(), job.generation(), () -> provisioning.ensureCourse(job.sessionId()));
        });
    }

    @Bean
    OneTimeTask<EnrolmentSync> moodleEnrolmentTask(BackgroundTasks tasks, MoodleProvisioning provisioning, MoodleSyncState state) {
        return tasks.define(ENROLMENT, EnrolmentSync.class, (instance, context) -> {
            EnrolmentSync job = instance.getData();
            run(state, Kind.ENROLMENT, MoodleSync.enrolmentId(job.userId(), job.sessionId()), job.generation(),
                    () -> provisioning.syncEnrolment(job.userId(), job.sessionId()));
        });
    }

    @Bean
    OneTimeTask<ReconcileRequest> moodleReconcileNowTask(BackgroundTasks tasks, MoodleReconciliation reconciliation) {
        return tasks.define(RECONCILE_NOW, ReconcileRequest.class, (instance, context) -> reconciliation.run());
    }

    /** Drift repair on a timer, so a change made in Moodle by hand or a lost task is caught. */
    @Bean
    RecurringTask<Void> moodleReconcileTask(BackgroundTasks tasks, MoodleProperties properties, MoodleReconciliation reconciliation) {
        return tasks.recurring(RECONCILE_SCHEDULED, properties.reconcileEvery(), () -> {
            if (properties.token() != null) {
                reconciliation.run();
            }
        });
    }

    private static void run(MoodleSyncState state, Kind kind, String entityId, long generation, Supplier<Optional<Integer>> step) {
        try {
            Optional<Integer> moodleId = step.get();
            state.succeeded(kind, entityId, generation, moodleId.orElse(null));
        } catch (PermanentTaskFailure e) {
            state.failed(kind, entityId, e.getMessage(), true);
            throw e;
        } catch (RuntimeException e) {
            state.failed(kind, entityId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), false);
            throw e;
        }
    }
}

package org.lafaom.platform.moodle;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.lafaom.platform.moodle.MoodleSyncState.Kind;
import org.lafaom.platform.moodle.MoodleTasks.AccountSync;
import org.lafaom.platform.moodle.MoodleTasks.CourseSync;
import org.lafaom.platform.moodle.MoodleTasks.EnrolmentSync;
import org.lafaom.platform.tasks.BackgroundTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks for something to be pushed to Moodle. Called inside the transaction of the change that
 * causes it, so the task exists if and only if the change committed. Each request gets its own
 * generation, hence its own task: a change made while an earlier task runs is pushed again.
 * While Moodle is not configured, requests are only recorded as pending; reconciliation sends
 * them once it is.
 */
@Service
class MoodleSync {

    private final BackgroundTasks tasks;
    private final MoodleSyncState state;
    private final MoodleProperties properties;
    private final OneTimeTask<AccountSync> accountTask;
    private final OneTimeTask<CourseSync> courseTask;
    private final OneTimeTask<EnrolmentSync> enrolmentTask;

    MoodleSync(BackgroundTasks tasks, MoodleSyncState state, MoodleProperties properties, OneTimeTask<AccountSync> moodleAccountTask,
            OneTimeTask<CourseSync> moodleCourseTask, OneTimeTask<EnrolmentSync> moodleEnrolmentTask) {
        this.tasks = tasks;
        this.state = state;
        this.properties = properties;
        this.accountTask = moodleAccountTask;
        this.courseTask = moodleCourseTask;
        this.enrolmentTask = moodleEnrolmentTask;
    }

    static String enrolmentId(String userId, String sessionId) {
        return userId + "/" + sessionId;
    }

    @Transactional
    void account(String userId) {
        long generation = state.bump(Kind.ACCOUNT, userId);
        if (properties.configured()) {
            tasks.start(accountTask, userId + "#" + generation, new AccountSync(userId, generation));
        }
    }

    @Transactional
    void course(String sessionId) {
        long generation = state.bump(Kind.COURSE, sessionId);
        if (properties.configured()) {
            tasks.start(courseTask, sessionId + "#" + generation, new CourseSync(sessionId, generation));
        }
    }

    @Transactional
    void enrolment(String userId, String sessionId) {
        String id = enrolmentId(userId, sessionId);
        long generation = state.bump(Kind.ENROLMENT, id);
        if (properties.configured()) {
            tasks.start(enrolmentTask, id + "#" + generation, new EnrolmentSync(userId, sessionId, generation));
        }
    }

    /** Pushes one row of the sync view again, as staff ask after fixing its cause. */
    @Transactional
    boolean again(String kind, String entityId) {
        switch (kind) {
            case "account" -> account(entityId);
            case "course" -> course(entityId);
            case "enrolment" -> {
                int slash = entityId.indexOf('/');
                if (slash < 1 || slash == entityId.length() - 1) {
                    return false;
                }
                enrolment(entityId.substring(0, slash), entityId.substring(slash + 1));
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}

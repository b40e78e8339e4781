package org.lafaom.platform.moodle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.lafaom.platform.users.UserAccounts;
import org.lafaom.platform.users.UserAccounts.MoodleIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Compares the platform with Moodle and schedules a push for every difference: a missing or
 * outdated course, a participant not enrolled, a Moodle student who is no longer a participant
 * (only accounts linked to one of our users; people enrolled by hand in Moodle are left alone),
 * an account whose name, e-mail or suspension differs. Reading is cheap; repairs go through the
 * same tasks as everyday changes, so they are retried and visible like them. Last, every row of
 * the sync view not in step (pushes that waited while Moodle was not configured, that exhausted
 * their retries, or hit a configuration error since fixed) is sent again.
 */
@Service
class MoodleReconciliation {

    private static final Logger log = LoggerFactory.getLogger(MoodleReconciliation.class);
    private static final int BATCH = 100;

    /** What one run found and scheduled. */
    record Report(int sessions, int courses, int enrolments, int accounts, int resent) {}

    /** Rows re-sent per run: enough for a backlog, small enough not to flood Moodle at once. */
    private static final int RESEND_LIMIT = 1000;

    private final MoodleDirectory moodle;
    private final TrainingFacts training;
    private final UserAccounts accounts;
    private final MoodleSync sync;
    private final MoodleSyncState state;

    MoodleReconciliation(MoodleDirectory moodle, TrainingFacts training, UserAccounts accounts, MoodleSync sync,
            MoodleSyncState state) {
        this.state = state;
        this.moodle = moodle;
        this.training = training;
        this.accounts = accounts;
        this.sync = sync;
    }

    Report run() {
        List<MoodleSyncState.Row> waiting = state.unsynced(RESEND_LIMIT);
        Set<String> pushed = new HashSet<>();
        int sessions = 0;
        int courses = 0;
        int enrolments = 0;
        Set<String> people = new HashSet<>();
        for (String sessionId : training.sessionsToReconcile()) {
            Optional<TrainingFacts.Session> session = training.session(sessionId);
            if (session.isEmpty()) {
                continue;
            }
            sessions++;
            Optional<MoodleDirectory.Course> course = moodle.courseByIdnumber(sessionId);
            if (course.isEmpty() || outdated(course.get(), session.get())) {
                courses += push(pushed, "course", sessionId);
            }
            List<String> participants = training.participants(sessionId);
            people.addAll(participants);
            Set<Integer> enrolled = course.map(c -> Set.copyOf(moodle.enrolledStudents(c.id()))).orElse(Set.of());
            Map<String, Integer> linked = accounts.moodleIdentities(participants).stream()
                    .filter(p -> p.moodleUserId() != null)
                    .collect(Collectors.toMap(MoodleIdentity::id, MoodleIdentity::moodleUserId));
            for (String userId : participants) {
                Integer moodleId = linked.get(userId);
                if (moodleId == null || !enrolled.contains(moodleId)) {
                    enrolments += push(pushed, "enrolment", MoodleSync.enrolmentId(userId, sessionId));
                }
            }
            Set<String> current = Set.copyOf(participants);
            for (Map.Entry<Integer, String> e : accounts.usersByMoodleIds(enrolled).entrySet()) {
                if (!current.contains(e.getValue())) {
                    enrolments += push(pushed, "enrolment", MoodleSync.enrolmentId(e.getValue(), sessionId));
                }
            }
        }
        int accountRepairs = 0;
        for (String userId : driftedAccounts(people)) {
            accountRepairs += push(pushed, "account", userId);
        }
        int resent = 0;
        for (MoodleSyncState.Row row : waiting) {
            resent += push(pushed, row.kind(), row.entityId());
        }
        Report report = new Report(sessions, courses, enrolments, accountRepairs, resent);
        log.info("Moodle reconciliation: {}", report);
        return report;
    }

    /** Pushes once per run whatever several checks found; 1 when pushed now. */
    private int push(Set<String> pushed, String kind, String entityId) {
        return pushed.add(kind + ":" + entityId) && sync.again(kind, entityId) ? 1 : 0;
    }

    /** People linked to a Moodle account whose name, e-mail or suspension differs there. */
    private List<String> driftedAccounts(Set<String> people) {
        List<MoodleIdentity> linked = accounts.moodleIdentities(people).stream().filter(p -> p.moodleUserId() != null).toList();
        List<String> drifted = new ArrayList<>();
        for (int from = 0; from < linked.size(); from += BATCH) {
            List<MoodleIdentity> batch = linked.subList(from, Math.min(linked.size(), from + BATCH));
            Map<Integer, MoodleDirectory.Account> inMoodle = moodle.accountsByIds(
                    new ArrayList<>(batch.stream().map(MoodleIdentity::moodleUserId).toList())).stream()
                    .collect(Collectors.toMap(MoodleDirectory.Account::id, a -> a, (a, b) -> a));
            for (MoodleIdentity person : batch) {
                MoodleDirectory.Account account = inMoodle.get(person.moodleUserId());
                if (account == null || differs(account, person)) {
                    drifted.add(person.id());
                }
            }
        }
        return drifted;
    }

    private static boolean outdated(MoodleDirectory.Course course, TrainingFacts.Session session) {
        return !course.fullname().equals(MoodleProvisioning.fullname(session));
    }

    private static boolean differs(MoodleDirectory.Account account, MoodleIdentity person) {
        return person.email() == null
                || !account.email().equals(person.email().trim().toLowerCase(java.util.Locale.ROOT))
                || !account.firstname().equals(person.firstName())
                || !account.lastname().equals(person.lastName())
                || account.suspended() != !"active".equals(person.status());
    }
}

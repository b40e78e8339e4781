package org.lafaom.platform.moodle;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import org.lafaom.platform.users.UserAccounts;
import org.lafaom.platform.users.UserAccounts.MoodleIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Makes Moodle match the platform, one account, course or enrolment at a time. Each step reads the
 * platform's current state and pushes it, so running a step twice, late, or out of order converges
 * on the same result; the tasks that call these steps give retries and durability.
 */
@Service
class MoodleProvisioning {

    private static final Logger log = LoggerFactory.getLogger(MoodleProvisioning.class);

    private final MoodleDirectory moodle;
    private final UserAccounts accounts;
    private final TrainingFacts training;
    private final MoodleSyncState state;

    MoodleProvisioning(MoodleDirectory moodle, UserAccounts accounts, TrainingFacts training, MoodleSyncState state) {
        this.moodle = moodle;
        this.accounts = accounts;
        this.training = training;
        this.state = state;
    }

    /**
     * The person's Moodle account, found by the id we stored, else by e-mail (someone may have been
     * created in Moodle by hand), else created with auth {@code jwtsso} and no password; names,
     * e-mail and suspension brought up to date. Empty when the person no longer exists here.
     */
    Optional<Integer> ensureAccount(String userId) {
        Optional<MoodleIdentity> found = accounts.moodleIdentity(userId);
        if (found.isEmpty() || found.get().email() == null) {
            return Optional.empty();
        }
        MoodleIdentity person = found.get();
        String email = person.email().trim().toLowerCase(Locale.ROOT);
        boolean suspended = !"active".equals(person.status());
        Optional<MoodleDirectory.Account> account = person.moodleUserId() == null
                ? Optional.empty()
                : moodle.accountById(person.moodleUserId());
        if (account.isEmpty()) {
            account = moodle.accountByEmail(email);
        }
        int moodleId;
        if (account.isEmpty()) {
            if (suspended) {
                return Optional.empty();
            }
            moodleId = createAccount(person, email);
        } else {
            MoodleDirectory.Account a = account.get();
            moodleId = a.id();
            if (!a.email().equals(email) || !a.firstname().equals(person.firstName()) || !a.lastname().equals(person.lastName())
                    || a.suspended() != suspended) {
                moodle.updateAccount(moodleId, email, person.firstName(), person.lastName(), suspended);
            }
        }
        if (person.moodleUserId() == null || person.moodleUserId() != moodleId) {
            accounts.setMoodleUserId(userId, moodleId);
        }
        return Optional.of(moodleId);
    }

    private int createAccount(MoodleIdentity person, String email) {
        try {
            return moodle.createAccount(email, person.firstName(), person.lastName(), person.id());
        } catch (MoodleClient.MoodleUnavailable e) {
            // Another task created it between our lookup and our creation: use that one.
            Optional<MoodleDirectory.Account> created = moodle.accountByEmail(email);
            if (created.isPresent()) {
                return created.get().id();
            }
            throw e;
        }
    }

    /**
     * The session's course, found by its idnumber (the session id) so it is never created twice,
     * else created; its full name and dates follow the session. Empty when the session is gone.
     */
    Optional<Integer> ensureCourse(String sessionId) {
        Optional<TrainingFacts.Session> found = training.session(sessionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TrainingFacts.Session session = found.get();
        String fullname = fullname(session);
        Optional<MoodleDirectory.Course> course = moodle.courseByIdnumber(sessionId);
        int courseId;
        if (course.isEmpty()) {
            courseId = createCourse(session, fullname);
        } else {
            MoodleDirectory.Course c = course.get();
            courseId = c.id();
            boolean datesDiffer = (session.startDate() != null && c.startdate() != epoch(session.startDate()))
                    || (session.endDate() != null && c.enddate() != epoch(session.endDate()));
            if (!c.fullname().equals(fullname) || datesDiffer) {
                moodle.updateCourse(courseId, fullname, session.startDate(), session.endDate());
            }
        }
        if (session.moodleCourseId() == null || session.moodleCourseId() != courseId) {
            training.recordCourse(sessionId, courseId);
        }
        return Optional.of(courseId);
    }

    private int createCourse(TrainingFacts.Session session, String fullname) {
        try {
            return moodle.createCourse(fullname, shortname(session), session.id(), session.startDate(), session.endDate());
        } catch (MoodleClient.MoodleUnavailable e) {
            Optional<MoodleDirectory.Course> created = moodle.courseByIdnumber(session.id());
            if (created.isPresent()) {
                return created.get().id();
            }
            throw e;
        }
    }

    /** Enrols a current participant, unenrols anyone else; returns the course id when there is one. */
    Optional<Integer> syncEnrolment(String userId, String sessionId) {
        if (training.isParticipant(userId, sessionId)) {
            Optional<Integer> account = ensureAccount(userId);
            Optional<Integer> course = ensureCourse(sessionId);
            if (account.isPresent() && course.isPresent()) {
                state.observed(MoodleSyncState.Kind.ACCOUNT, userId, account.get());
                state.observed(MoodleSyncState.Kind.COURSE, sessionId, course.get());
                moodle.enrol(account.get(), course.get());
                return course;
            }
            log.info("Not enrolling {} in {}: the person or the session is gone", userId, sessionId);
            return Optional.empty();
        }
        Optional<Integer> account = accounts.moodleIdentity(userId).map(MoodleIdentity::moodleUserId);
        Optional<Integer> course = moodle.courseByIdnumber(sessionId).map(MoodleDirectory.Course::id);
        if (account.isPresent() && course.isPresent()) {
            moodle.unenrol(account.get(), course.get());
        }
        return course;
    }

    /** "Secourisme (2026-01-15)": the title people know, and the start that tells cohorts apart. */
    static String fullname(TrainingFacts.Session session) {
        String title = session.trainingTitle() == null || session.trainingTitle().isBlank() ? "Session" : session.trainingTitle().trim();
        return session.startDate() == null ? title : title + " (" + session.startDate() + ")";
    }

    /**
     * A readable prefix from the title and the whole session id: short names must be unique in
     * Moodle, and the id makes them so whatever the titles are.
     */
    static String shortname(TrainingFacts.Session session) {
        String ascii = Normalizer.normalize(session.trainingTitle() == null ? "" : session.trainingTitle(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        String prefix = ascii.length() > 40 ? ascii.substring(0, 40).replaceAll("-$", "") : ascii;
        return (prefix.isEmpty() ? "session" : prefix) + "-" + session.id();
    }

    private static long epoch(java.time.LocalDate date) {
        return date.atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond();
    }
}

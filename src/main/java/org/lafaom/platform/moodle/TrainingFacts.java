package org.lafaom.platform.moodle;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What provisioning reads from the training and registration modules, and the one thing it writes back. */
interface TrainingFacts {

    /** A training session as its Moodle course shows it. */
    record Session(String id, String trainingTitle, LocalDate startDate, LocalDate endDate, Integer moodleCourseId) {}

    /** The session, unless it does not exist or was deleted. */
    Optional<Session> session(String sessionId);

    void recordCourse(String sessionId, int courseId);

    /** Whether the person is currently a participant of the session (an approved, live application). */
    boolean isParticipant(String userId, String sessionId);

    /** User ids of the session's current participants. */
    List<String> participants(String sessionId);

    /** Sessions the person currently takes part in. */
    List<String> sessionsOf(String userId);

    /** Live sessions that have participants or a Moodle course: what reconciliation compares. */
    List<String> sessionsToReconcile();
}

package org.lafaom.platform.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.lafaom.platform.training.CatalogueViews.TrainingOut;
import org.lafaom.platform.training.CatalogueViews.TrainingSessionOut;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The training module's API for other modules: registration reads a session's terms and takes or
 * gives back a slot; Moodle provisioning reads a session's summary and participants and stores the
 * course it created. Reads here bypass the cache: callers decide on them.
 */
@Service
@Transactional(readOnly = true)
public class TrainingSessions {

    private final SessionRepository sessions;
    private final TrainingRepository trainings;
    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final ApplicationEventPublisher events;

    TrainingSessions(SessionRepository sessions, TrainingRepository trainings, JdbcClient jdbc, Catalogue catalogue,
            ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.trainings = trainings;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.events = events;
    }

    /** What Moodle shows of a session. */
    public record SessionSummary(
            String id, String trainingId, String trainingTitle, LocalDate startDate, LocalDate endDate, String status,
            Integer moodleCourseId) {}

    public Optional<SessionSummary> summary(String sessionId) {
        return jdbc.sql("""
                SELECT s.id, s.training_id, t.title AS training_title, s.start_date, s.end_date, s.status, s.moodle_course_id
                FROM training_sessions s JOIN trainings t ON t.id = s.training_id
                WHERE s.id = :id AND s.delete_at IS NULL""").param("id", sessionId).query(SessionSummary.class).optional();
    }

    /** Links the session to the Moodle course made for it (null unlinks). */
    @Transactional
    public void setMoodleCourseId(String sessionId, Integer moodleCourseId) {
        jdbc.sql("UPDATE training_sessions SET moodle_course_id = :course, updated_at = now() WHERE id = :id")
                .param("course", moodleCourseId).param("id", sessionId).update();
        catalogue.changed();
    }

    /** The user ids of the session's current participants, oldest first (for reconciliation). */
    public List<String> participantUserIds(String sessionId) {
        return sessions.participantUserIds(sessionId);
    }

    /** Everything an application copies from or checks against its session. */
    public record SessionTerms(
            String id, String trainingId, String trainingTitle, String status, LocalDate startDate, LocalDate endDate,
            LocalDate registrationDeadline, Integer availableSlots, BigDecimal registrationFee, BigDecimal trainingFee,
            String currency, List<String> requiredAttachments, List<BigDecimal> installmentPercentage) {

        public boolean openForRegistration() {
            return "OPEN_FOR_REGISTRATION".equals(status);
        }

        public boolean hasRegistrationFee() {
            return registrationFee != null && registrationFee.signum() > 0;
        }

        public List<String> requiredAttachmentsOrEmpty() {
            return requiredAttachments == null ? List.of() : requiredAttachments;
        }
    }

    public Optional<SessionTerms> terms(String sessionId) {
        return sessions.find(sessionId).flatMap(s -> trainings.find(s.trainingId()).map(t -> new SessionTerms(s.id(), s.trainingId(),
                t.title(), s.status(), s.startDate(), s.endDate(), s.registrationDeadline(), s.availableSlots(), s.registrationFee(),
                s.trainingFee(), s.currency(), s.requiredAttachments(), s.installmentPercentage())));
    }

    /** The full session and training, for application details. */
    public Optional<TrainingSessionOut> session(String sessionId) {
        return sessions.find(sessionId);
    }

    public Optional<TrainingOut> training(String trainingId) {
        return trainings.find(trainingId);
    }

    /**
     * Takes one of the session's slots and makes the student a participant, atomically; false
     * when no slot is left. Must run inside the caller's transaction (the approval), which is
     * where {@link SessionParticipantJoined} is published.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean admit(String sessionId, String userId, int applicationId) {
        if (!sessions.admit(sessionId, userId, applicationId)) {
            return false;
        }
        catalogue.changed();
        events.publishEvent(new SessionParticipantJoined(sessionId, userId, applicationId));
        return true;
    }

    /** Ends the application's participation, if it had one, and gives the slot back. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(int applicationId) {
        sessions.release(applicationId).ifPresent(r -> {
            catalogue.changed();
            events.publishEvent(new SessionParticipantLeft(r.sessionId(), r.userId(), applicationId));
        });
    }
}

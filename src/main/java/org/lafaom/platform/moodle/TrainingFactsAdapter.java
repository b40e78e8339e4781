package org.lafaom.platform.moodle;

import java.util.List;
import java.util.Optional;
import org.lafaom.platform.training.TrainingSessions;
import org.springframework.stereotype.Component;

/** {@link TrainingFacts} read through the training module's API. */
@Component
class TrainingFactsAdapter implements TrainingFacts {

    private final TrainingSessions sessions;

    TrainingFactsAdapter(TrainingSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<Session> session(String sessionId) {
        return sessions.summary(sessionId)
                .map(s -> new Session(s.id(), s.trainingTitle(), s.startDate(), s.endDate(), s.moodleCourseId()));
    }

    @Override
    public void recordCourse(String sessionId, int courseId) {
        sessions.setMoodleCourseId(sessionId, courseId);
    }

    @Override
    public boolean isParticipant(String userId, String sessionId) {
        return sessions.participantUserIds(sessionId).contains(userId);
    }

    @Override
    public List<String> participants(String sessionId) {
        return sessions.participantUserIds(sessionId);
    }

    @Override
    public List<String> sessionsOf(String userId) {
        return sessions.sessionsOfParticipant(userId);
    }

    @Override
    public List<String> sessionsToReconcile() {
        return sessions.sessionsWithParticipantsOrCourse();
    }
}

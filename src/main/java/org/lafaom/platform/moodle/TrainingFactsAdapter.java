package org.lafaom.platform.moodle;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** TEMPORARY: reads the legacy tables until the training and registration modules publish their API. */
@Component
class TrainingFactsAdapter implements TrainingFacts {

    private final JdbcClient jdbc;

    TrainingFactsAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Session> session(String sessionId) {
        return jdbc.sql("""
                SELECT s.id, t.title, s.start_date, s.end_date, s.moodle_course_id FROM training_sessions s
                JOIN trainings t ON t.id = s.training_id WHERE s.id = :id AND s.delete_at IS NULL""")
                .param("id", sessionId)
                .query((rs, i) -> new Session(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), (Integer) rs.getObject(5)))
                .optional();
    }

    @Override
    public void recordCourse(String sessionId, int courseId) {
        jdbc.sql("UPDATE training_sessions SET moodle_course_id = :c WHERE id = :id").param("c", courseId).param("id", sessionId).update();
    }

    @Override
    public boolean isParticipant(String userId, String sessionId) {
        return jdbc.sql("SELECT count(*) FROM training_session_participants WHERE user_id = :u AND session_id = :s AND delete_at IS NULL")
                .param("u", userId).param("s", sessionId).query(Long.class).single() > 0;
    }

    @Override
    public List<String> participants(String sessionId) {
        return jdbc.sql("SELECT user_id FROM training_session_participants WHERE session_id = :s AND delete_at IS NULL")
                .param("s", sessionId).query(String.class).list();
    }

    @Override
    public List<String> sessionsOf(String userId) {
        return jdbc.sql("SELECT session_id FROM training_session_participants WHERE user_id = :u AND delete_at IS NULL")
                .param("u", userId).query(String.class).list();
    }

    @Override
    public List<String> sessionsToReconcile() {
        return jdbc.sql("""
                SELECT s.id FROM training_sessions s WHERE s.delete_at IS NULL AND (s.moodle_course_id IS NOT NULL
                   OR EXISTS (SELECT 1 FROM training_session_participants p WHERE p.session_id = s.id AND p.delete_at IS NULL))
                ORDER BY s.created_at""")
                .query(String.class).list();
    }
}

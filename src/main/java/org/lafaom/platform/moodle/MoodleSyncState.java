package org.lafaom.platform.moodle;

import java.time.OffsetDateTime;
import java.util.List;
import org.lafaom.platform.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code moodle_sync} table: one row per account, course and enrolment the platform pushes. */
@Repository
class MoodleSyncState {

    enum Kind {
        ACCOUNT, COURSE, ENROLMENT;

        String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Row(String kind, String entityId, String status, Integer moodleId, String lastError, int attempts,
            OffsetDateTime lastAttemptAt, OffsetDateTime syncedAt, OffsetDateTime updatedAt) {}

    record Filter(String kind, String status, String entityId) {}

    record Count(String kind, String status, long count) {}

    private final JdbcClient jdbc;

    MoodleSyncState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the entity as having a change to push; returns the generation the new task carries. */
    long bump(Kind kind, String entityId) {
        return jdbc.sql("""
                INSERT INTO moodle_sync (kind, entity_id, generation, status) VALUES (:kind, :id, 1, 'pending')
                ON CONFLICT (kind, entity_id) DO UPDATE SET generation = moodle_sync.generation + 1,
                    status = CASE WHEN moodle_sync.status = 'synced' THEN 'pending' ELSE moodle_sync.status END,
                    updated_at = now()
                RETURNING generation""")
                .param("kind", kind.value()).param("id", entityId)
                .query(Long.class).single();
    }

    void succeeded(Kind kind, String entityId, long generation, Integer moodleId) {
        jdbc.sql("""
                UPDATE moodle_sync SET synced_generation = GREATEST(synced_generation, :gen),
                    status = CASE WHEN GREATEST(synced_generation, :gen) >= generation THEN 'synced' ELSE 'pending' END,
                    moodle_id = coalesce(:moodleId, moodle_id), last_error = NULL, attempts = 0,
                    last_attempt_at = now(), synced_at = now(), updated_at = now()
                WHERE kind = :kind AND entity_id = :id""")
                .param("gen", generation).param("moodleId", moodleId).param("kind", kind.value()).param("id", entityId)
                .update();
    }

    /**
     * Records that an account or course was brought in step as part of another push (an
     * enrolment ensures both), so staff see each person's and session's state, not only the
     * enrolment's. A change still waiting for its own push keeps its row pending.
     */
    void observed(Kind kind, String entityId, int moodleId) {
        jdbc.sql("""
                INSERT INTO moodle_sync (kind, entity_id, status, moodle_id, last_attempt_at, synced_at)
                VALUES (:kind, :id, 'synced', :moodleId, now(), now())
                ON CONFLICT (kind, entity_id) DO UPDATE SET moodle_id = :moodleId, updated_at = now(),
                    status = CASE WHEN moodle_sync.synced_generation >= moodle_sync.generation THEN 'synced' ELSE moodle_sync.status END""")
                .param("kind", kind.value()).param("id", entityId).param("moodleId", moodleId)
                .update();
    }

    void failed(Kind kind, String entityId, String error, boolean configuration) {
        jdbc.sql("""
                UPDATE moodle_sync SET status = :status, last_error = :error, attempts = attempts + 1,
                    last_attempt_at = now(), updated_at = now()
                WHERE kind = :kind AND entity_id = :id""")
                .param("status", configuration ? "configuration_error" : "error")
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .param("kind", kind.value()).param("id", entityId)
                .update();
    }

    List<Row> list(Filter filter, PageRequest page) {
        return jdbc.sql("SELECT kind, entity_id, status, moodle_id, last_error, attempts, last_attempt_at, synced_at, updated_at "
                        + "FROM moodle_sync s" + where(filter) + " ORDER BY " + page.orderBy() + (page.ascending() ? " ASC" : " DESC")
                        + ", kind, entity_id LIMIT :limit OFFSET :offset")
                .params(params(filter))
                .param("limit", page.pageSize()).param("offset", page.offset())
                .query(Row.class).list();
    }

    /** Rows not in step with Moodle (waiting, failed, misconfigured), oldest first. */
    List<Row> unsynced(int limit) {
        return jdbc.sql("SELECT kind, entity_id, status, moodle_id, last_error, attempts, last_attempt_at, synced_at, updated_at "
                        + "FROM moodle_sync WHERE status <> 'synced' ORDER BY updated_at, kind, entity_id LIMIT :limit")
                .param("limit", limit).query(Row.class).list();
    }

    long count(Filter filter) {
        return jdbc.sql("SELECT count(*) FROM moodle_sync s" + where(filter)).params(params(filter)).query(Long.class).single();
    }

    List<Count> counts() {
        return jdbc.sql("SELECT kind, status, count(*) AS count FROM moodle_sync GROUP BY kind, status").query(Count.class).list();
    }

    private static String where(Filter filter) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (filter.kind() != null) {
            where.append(" AND s.kind = :kind");
        }
        if (filter.status() != null) {
            where.append(" AND s.status = :status");
        }
        if (filter.entityId() != null) {
            where.append(" AND s.entity_id LIKE :entity");
        }
        return where.toString();
    }

    private static java.util.Map<String, Object> params(Filter filter) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (filter.kind() != null) {
            params.put("kind", filter.kind());
        }
        if (filter.status() != null) {
            params.put("status", filter.status());
        }
        if (filter.entityId() != null) {
            params.put("entity", "%" + filter.entityId().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return params;
    }
}

package org.lafaom.platform.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.SqlWhere;
import org.lafaom.platform.training.CatalogueViews.Benefit;
import org.lafaom.platform.training.CatalogueViews.Strength;
import org.lafaom.platform.training.CatalogueViews.TrainingOut;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** SQL over the legacy {@code trainings} table; {@code benefits} and {@code strengths} are json columns. */
@Repository
class TrainingRepository {

    private static final String COLUMNS = "t.id, t.title, t.status, t.duration, t.duration_unit, t.specialty_id, t.info_sheet, "
            + "t.training_type, t.presentation, t.benefits::text AS benefits, t.strengths::text AS strengths, t.target_skills, "
            + "t.program, t.target_audience, t.prerequisites, t.enrollment, t.created_at, t.updated_at";

    private static final java.util.Set<String> JSON_COLUMNS = java.util.Set.of("benefits", "strengths");

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    TrainingRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    record Filter(String search, String status, Integer specialtyId) {}

    Optional<TrainingOut> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM trainings t WHERE t.id = :id AND t.delete_at IS NULL")
                .param("id", id).query(this::row).optional();
    }

    List<TrainingOut> list(Filter f, PageRequest page) {
        SqlWhere where = where(f);
        return where.bind(jdbc.sql("SELECT " + COLUMNS + " FROM trainings t" + where.sql() + " ORDER BY " + page.orderClause("t")
                        + " LIMIT :limit OFFSET :offset"))
                .param("limit", page.pageSize()).param("offset", page.offset()).query(this::row).list();
    }

    long count(Filter f) {
        SqlWhere where = where(f);
        return where.bind(jdbc.sql("SELECT count(*) FROM trainings t" + where.sql())).query(Long.class).single();
    }

    boolean hasSessions(String id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM training_sessions WHERE training_id = :id AND delete_at IS NULL)")
                .param("id", id).query(Boolean.class).single();
    }

    List<String> sessionIds(String id) {
        return jdbc.sql("SELECT id FROM training_sessions WHERE training_id = :id AND delete_at IS NULL")
                .param("id", id).query(String.class).list();
    }

    void insert(String id, Map<String, Object> columns) {
        Rows.insert(jdbc, "trainings", id, columns, JSON_COLUMNS);
    }

    /** Applies {@code changes}; column names come from code, never from input. */
    void update(String id, Map<String, Object> changes) {
        Rows.update(jdbc, "trainings", id, changes, JSON_COLUMNS);
    }

    void softDelete(String id) {
        jdbc.sql("UPDATE trainings SET delete_at = now(), updated_at = now() WHERE id = :id").param("id", id).update();
    }

    private TrainingOut row(ResultSet rs, int i) throws SQLException {
        return new TrainingOut(rs.getString("id"), rs.getString("title"), rs.getString("status"), rs.getInt("duration"),
                rs.getString("duration_unit"), rs.getInt("specialty_id"), rs.getString("info_sheet"), rs.getString("training_type"),
                rs.getString("presentation"), Rows.json(mapper, rs.getString("benefits"), new TypeReference<List<Benefit>>() {}),
                Rows.json(mapper, rs.getString("strengths"), new TypeReference<List<Strength>>() {}), rs.getString("target_skills"),
                rs.getString("program"), rs.getString("target_audience"), rs.getString("prerequisites"), rs.getString("enrollment"),
                rs.getObject("created_at", java.time.OffsetDateTime.class), rs.getObject("updated_at", java.time.OffsetDateTime.class));
    }

    private static SqlWhere where(Filter f) {
        return SqlWhere.of("t.delete_at IS NULL")
                .search(f.search(), "t.title", "t.presentation", "t.program", "t.target_skills")
                .and("t.status = ?", f.status())
                .and("t.specialty_id = ?", f.specialtyId());
    }
}

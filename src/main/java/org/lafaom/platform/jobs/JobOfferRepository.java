package org.lafaom.platform.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lafaom.platform.jobs.JobViews.JobOfferOut;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** SQL over the legacy {@code job_offers} table; soft-deleted offers are invisible. */
@Repository
class JobOfferRepository {

    private static final String COLUMNS = """
            SELECT o.id, o.reference, o.title, o.location, o.postal_code, o.contract_type, o.uncertain_term, o.start_date,
                   o.end_date, o.weekly_hours, o.driving_license_required, o.submission_deadline, o.main_mission,
                   o.responsibilities, o.competencies, o.profile, o.salary, o.benefits, o.submission_fee, o.currency,
                   o.attachment::text AS attachment, o.conditions, o.created_at, o.updated_at
            FROM job_offers o""";

    /** Columns a create or update may write, in the legacy table's names. */
    static final List<String> WRITABLE = List.of(
            "reference", "title", "location", "postal_code", "contract_type", "uncertain_term", "start_date", "end_date",
            "weekly_hours", "driving_license_required", "submission_deadline", "main_mission", "responsibilities",
            "competencies", "profile", "salary", "benefits", "submission_fee", "currency", "attachment", "conditions");

    record Filter(String search, String location, String contractType, Double salaryMin, Double salaryMax) {}

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    JobOfferRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    Optional<JobOfferOut> find(String id) {
        return jdbc.sql(COLUMNS + " WHERE o.id = :id AND o.delete_at IS NULL").param("id", id).query(this::row).optional();
    }

    /**
     * Serialises writers of one reference (the legacy table has duplicate references, so no unique
     * index can be added): the check-then-write below holds until the transaction ends.
     */
    boolean referenceTaken(String reference, String exceptId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('job_offer_reference:' || lower(:ref)))").param("ref", reference)
                .query((rs, i) -> 1).single();
        return jdbc.sql("""
                SELECT count(*) FROM job_offers WHERE lower(reference) = lower(:ref) AND delete_at IS NULL AND id <> :except""")
                .param("ref", reference).param("except", exceptId == null ? "" : exceptId).query(Long.class).single() > 0;
    }

    void insert(String id, Map<String, Object> values) {
        requireWritable(values);
        Map<String, Object> row = new LinkedHashMap<>(values);
        StringBuilder columns = new StringBuilder("id, created_at, updated_at");
        StringBuilder placeholders = new StringBuilder(":id, now(), now()");
        row.keySet().forEach(c -> {
            columns.append(", ").append(c);
            placeholders.append(", ").append(c.equals("attachment") ? "CAST(:attachment AS json)" : ":" + c);
        });
        jdbc.sql("INSERT INTO job_offers (" + columns + ") VALUES (" + placeholders + ")")
                .param("id", id).params(json(row)).update();
    }

    /** Sets the given columns; names come from {@link #WRITABLE}, never from input. */
    void update(String id, Map<String, Object> values) {
        requireWritable(values);
        StringBuilder sql = new StringBuilder("UPDATE job_offers SET updated_at = now()");
        values.keySet().forEach(c -> sql.append(", ").append(c).append(" = ")
                .append(c.equals("attachment") ? "CAST(:attachment AS json)" : ":" + c));
        jdbc.sql(sql + " WHERE id = :id").param("id", id).params(json(values)).update();
    }

    void softDelete(String id) {
        jdbc.sql("UPDATE job_offers SET delete_at = now(), updated_at = now() WHERE id = :id").param("id", id).update();
    }

    List<JobOfferOut> list(PageRequest page, SqlWhere where) {
        return where.bind(jdbc.sql(COLUMNS + where.sql() + " ORDER BY o." + page.orderBy() + (page.ascending() ? " ASC" : " DESC")
                        + " NULLS LAST, o.id LIMIT :limit OFFSET :offset"))
                .param("limit", page.pageSize()).param("offset", page.offset())
                .query(this::row).list();
    }

    long count(SqlWhere where) {
        return where.bind(jdbc.sql("SELECT count(*) FROM job_offers o" + where.sql())).query(Long.class).single();
    }

    /** The public list's filters. */
    static SqlWhere where(Filter filter) {
        return SqlWhere.of("o.delete_at IS NULL")
                .search(filter.search(), "o.title", "o.main_mission", "o.responsibilities", "o.competencies")
                .search(filter.location(), "o.location")
                .and("lower(o.contract_type) = lower(?)", filter.contractType() == null ? null : filter.contractType().trim())
                .and("o.salary >= ?", filter.salaryMin())
                .and("o.salary <= ?", filter.salaryMax());
    }

    private static void requireWritable(Map<String, Object> values) {
        if (!WRITABLE.containsAll(values.keySet())) {
            throw new IllegalArgumentException("not a job_offers column: " + values.keySet());
        }
    }

    private Map<String, Object> json(Map<String, Object> values) {
        Map<String, Object> params = new LinkedHashMap<>(values);
        if (params.containsKey("attachment")) {
            Object list = params.get("attachment");
            params.put("attachment", list == null ? null : mapper.writeValueAsString(list));
        }
        return params;
    }

    /** The offer's required document types; a legacy value that is not a list of strings reads as none. */
    private List<String> documentTypes(String json) {
        if (json == null || json.equals("null")) {
            return null;
        }
        try {
            return mapper.readValue(json, new TypeReference<List<String>>() {});
        } catch (RuntimeException e) {
            return null;
        }
    }

    private JobOfferOut row(ResultSet rs, int i) throws SQLException {
        String attachment = rs.getString("attachment");
        return new JobOfferOut(rs.getString("id"), rs.getString("reference"), rs.getString("title"), rs.getString("location"),
                rs.getString("postal_code"), rs.getString("contract_type"), rs.getBoolean("uncertain_term"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                (Integer) rs.getObject("weekly_hours"), rs.getBoolean("driving_license_required"),
                rs.getObject("submission_deadline", LocalDate.class), rs.getString("main_mission"),
                rs.getString("responsibilities"), rs.getString("competencies"), rs.getString("profile"),
                (Double) rs.getObject("salary"), rs.getString("benefits"), rs.getBigDecimal("submission_fee"),
                rs.getString("currency"), documentTypes(attachment),
                rs.getString("conditions"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}

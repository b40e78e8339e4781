package org.lafaom.platform.reclamations;

import java.time.Year;
import java.util.List;
import java.util.Optional;
import org.lafaom.platform.reclamations.ReclamationViews.ReclamationFullOut;
import org.lafaom.platform.reclamations.ReclamationViews.ReclamationInput;
import org.lafaom.platform.reclamations.ReclamationViews.ReclamationOut;
import org.lafaom.platform.reclamations.ReclamationViews.TypeOut;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the legacy {@code reclamations} and {@code reclamation_types} tables. */
@Repository
class ReclamationRepository {

    private static final String COLUMNS = "r.id, r.admin_id, r.reclamation_number, r.application_number, r.subject, "
            + "r.reclamation_type, r.priority, r.status, r.description, r.closure_date, r.created_at, r.updated_at";
    private static final String TYPE_COLUMNS = "t.id, t.name, t.description, t.created_at, t.updated_at";

    private final JdbcClient jdbc;

    ReclamationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code applicationNumbers} limits the list to a student's own (null for staff). */
    record Filter(List<String> applicationNumbers, String search, String status, String priority, Integer type, String adminId,
            String applicationNumber) {}

    Optional<ReclamationFullOut> find(int id, List<String> applicationNumbers) {
        if (applicationNumbers != null && applicationNumbers.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + ", nullif(trim(concat_ws(' ', u.first_name, u.last_name)), '') AS admin_name, "
                        + "t.name AS reclamation_type_name FROM reclamations r LEFT JOIN users u ON u.id = r.admin_id "
                        + "LEFT JOIN reclamation_types t ON t.id = r.reclamation_type WHERE r.id = :id AND r.delete_at IS NULL"
                        + (applicationNumbers == null ? "" : " AND r.application_number IN (:numbers)"))
                .param("id", id).params(applicationNumbers == null ? java.util.Map.of() : java.util.Map.of("numbers", applicationNumbers))
                .query(ReclamationFullOut.class).optional();
    }

    List<ReclamationOut> list(Filter f, PageRequest page) {
        SqlWhere where = where(f);
        return where.bind(jdbc.sql("SELECT " + COLUMNS + " FROM reclamations r" + where.sql() + " ORDER BY " + page.orderClause("r")
                        + " LIMIT :limit OFFSET :offset"))
                .param("limit", page.pageSize()).param("offset", page.offset()).query(ReclamationOut.class).list();
    }

    long count(Filter f) {
        SqlWhere where = where(f);
        return where.bind(jdbc.sql("SELECT count(*) FROM reclamations r" + where.sql())).query(Long.class).single();
    }

    String nextNumber() {
        long n = jdbc.sql("SELECT nextval('reclamation_number_seq')").query(Long.class).single();
        return "REC-%d-%06d".formatted(Year.now().getValue(), n);
    }

    int insert(String number, ReclamationInput in, String priority) {
        return jdbc.sql("""
                INSERT INTO reclamations (created_at, updated_at, reclamation_number, application_number, subject, reclamation_type,
                    priority, status, description)
                VALUES (now(), now(), :number, :application, :subject, :type, :priority, 'NEW', :description) RETURNING id""")
                .param("number", number).param("application", in.applicationNumber().trim()).param("subject", in.subject().trim())
                .param("type", in.reclamationType()).param("priority", priority).param("description", in.description())
                .query(Integer.class).single();
    }

    void update(int id, ReclamationInput in, String priority) {
        jdbc.sql("""
                UPDATE reclamations SET application_number = :application, subject = :subject, reclamation_type = :type,
                    priority = :priority, description = :description, updated_at = now() WHERE id = :id""")
                .param("application", in.applicationNumber().trim()).param("subject", in.subject().trim())
                .param("type", in.reclamationType()).param("priority", priority).param("description", in.description())
                .param("id", id).update();
    }

    /** A closed reclamation gets its closure date; reopening it clears the date. */
    void setStatus(int id, String status, String adminId) {
        jdbc.sql("""
                UPDATE reclamations SET status = :status, admin_id = coalesce(:admin, admin_id), updated_at = now(),
                    closure_date = CASE WHEN :status = 'CLOSED' THEN coalesce(closure_date, now()) ELSE NULL END
                WHERE id = :id""")
                .param("status", status).param("admin", adminId).param("id", id).update();
    }

    void softDelete(int id) {
        jdbc.sql("UPDATE reclamations SET delete_at = now(), updated_at = now() WHERE id = :id").param("id", id).update();
    }

    Optional<TypeOut> findType(int id) {
        return jdbc.sql("SELECT " + TYPE_COLUMNS + " FROM reclamation_types t WHERE t.id = :id AND t.delete_at IS NULL")
                .param("id", id).query(TypeOut.class).optional();
    }

    List<TypeOut> types() {
        return jdbc.sql("SELECT " + TYPE_COLUMNS + " FROM reclamation_types t WHERE t.delete_at IS NULL ORDER BY t.name, t.id")
                .query(TypeOut.class).list();
    }

    int insertType(String name, String description) {
        return jdbc.sql("INSERT INTO reclamation_types (created_at, updated_at, name, description) VALUES (now(), now(), :n, :d) RETURNING id")
                .param("n", name.trim()).param("d", description).query(Integer.class).single();
    }

    void updateType(int id, String name, String description) {
        jdbc.sql("UPDATE reclamation_types SET name = coalesce(:n, name), description = coalesce(:d, description), updated_at = now() WHERE id = :id")
                .param("n", name == null ? null : name.trim()).param("d", description).param("id", id).update();
    }

    void softDeleteType(int id) {
        jdbc.sql("UPDATE reclamation_types SET delete_at = now(), updated_at = now() WHERE id = :id").param("id", id).update();
    }

    private static SqlWhere where(Filter f) {
        SqlWhere where = SqlWhere.of("r.delete_at IS NULL");
        if (f.applicationNumbers() != null) {
            where = f.applicationNumbers().isEmpty() ? SqlWhere.of("false") : where.and("r.application_number IN (?)", f.applicationNumbers());
        }
        return where.search(f.search(), "r.subject", "r.description", "r.reclamation_number", "r.application_number")
                .and("r.status = ?", f.status())
                .and("r.priority = ?", f.priority())
                .and("r.reclamation_type = ?", f.type())
                .and("r.admin_id = ?", f.adminId())
                .and("r.application_number = ?", f.applicationNumber());
    }
}

package org.lafaom.platform.training;

import java.util.List;
import java.util.Optional;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.SqlWhere;
import org.lafaom.platform.training.CatalogueViews.SpecialtyOut;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the legacy {@code specialty} table. */
@Repository
class SpecialtyRepository {

    private static final String COLUMNS = "s.id, s.name, coalesce(s.description, '') AS description, s.created_at, s.updated_at";

    private final JdbcClient jdbc;

    SpecialtyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SpecialtyOut> find(int id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM specialty s WHERE s.id = :id AND s.delete_at IS NULL")
                .param("id", id).query(SpecialtyOut.class).optional();
    }

    List<SpecialtyOut> list(String search, PageRequest page) {
        SqlWhere where = where(search);
        return where.bind(jdbc.sql("SELECT " + COLUMNS + " FROM specialty s" + where.sql() + " ORDER BY " + page.orderClause("s")
                        + " LIMIT :limit OFFSET :offset"))
                .param("limit", page.pageSize()).param("offset", page.offset()).query(SpecialtyOut.class).list();
    }

    long count(String search) {
        SqlWhere where = where(search);
        return where.bind(jdbc.sql("SELECT count(*) FROM specialty s" + where.sql())).query(Long.class).single();
    }

    List<SpecialtyOut> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM specialty s WHERE s.delete_at IS NULL ORDER BY s.name, s.id")
                .query(SpecialtyOut.class).list();
    }

    boolean nameTaken(String name, Integer exceptId) {
        return jdbc.sql("SELECT count(*) FROM specialty WHERE lower(name) = lower(:name) AND id <> :except AND delete_at IS NULL")
                .param("name", name.trim()).param("except", exceptId == null ? -1 : exceptId).query(Long.class).single() > 0;
    }

    boolean hasTrainings(int id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM trainings WHERE specialty_id = :id AND delete_at IS NULL)")
                .param("id", id).query(Boolean.class).single();
    }

    int insert(String name, String description) {
        return jdbc.sql("INSERT INTO specialty (created_at, updated_at, name, description) VALUES (now(), now(), :n, :d) RETURNING id")
                .param("n", name.trim()).param("d", description == null ? "" : description).query(Integer.class).single();
    }

    void update(int id, String name, String description) {
        jdbc.sql("UPDATE specialty SET name = :n, description = :d, updated_at = now() WHERE id = :id AND delete_at IS NULL")
                .param("n", name.trim()).param("d", description == null ? "" : description).param("id", id).update();
    }

    void softDelete(int id) {
        jdbc.sql("UPDATE specialty SET delete_at = now(), updated_at = now() WHERE id = :id").param("id", id).update();
    }

    private static SqlWhere where(String search) {
        return SqlWhere.of("s.delete_at IS NULL").search(search, "s.name", "s.description");
    }
}

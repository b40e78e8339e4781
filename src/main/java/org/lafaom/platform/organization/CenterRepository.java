package org.lafaom.platform.organization;

import java.util.List;
import java.util.Optional;
import org.lafaom.platform.organization.CenterViews.CenterInput;
import org.lafaom.platform.organization.CenterViews.CenterOut;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the legacy {@code organization_centers} table; soft-deleted rows are invisible. */
@Repository
class CenterRepository {

    private static final String COLUMNS = "c.id, c.name, c.address, c.city, c.postal_code, c.country_code, c.telephone_number, "
            + "c.mobile_number, c.email, c.website, c.latitude, c.longitude, c.status, c.organization_type, c.description, "
            + "c.created_at, c.updated_at";

    private final JdbcClient jdbc;

    CenterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Filter(String search, String status, String organizationType, String countryCode, String city) {}

    Optional<CenterOut> find(int id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization_centers c WHERE c.id = :id AND c.delete_at IS NULL")
                .param("id", id).query(CenterOut.class).optional();
    }

    List<CenterOut> findAll(List<Integer> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization_centers c WHERE c.id IN (:ids) AND c.delete_at IS NULL ORDER BY c.id")
                .param("ids", ids).query(CenterOut.class).list();
    }

    List<CenterOut> byLocation(String countryCode, String city) {
        SqlWhere where = SqlWhere.of("c.delete_at IS NULL").and("c.country_code = ?", countryCode).and("c.city = ?", city);
        return where.bind(jdbc.sql("SELECT " + COLUMNS + " FROM organization_centers c" + where.sql() + " ORDER BY c.name, c.id"))
                .query(CenterOut.class).list();
    }

    List<CenterOut> list(Filter f, PageRequest page) {
        SqlWhere where = where(f);
        return where.bind(jdbc.sql("SELECT " + COLUMNS + " FROM organization_centers c" + where.sql()
                        + " ORDER BY " + page.orderClause("c") + " LIMIT :limit OFFSET :offset"))
                .param("limit", page.pageSize()).param("offset", page.offset())
                .query(CenterOut.class).list();
    }

    long count(Filter f) {
        SqlWhere where = where(f);
        return where.bind(jdbc.sql("SELECT count(*) FROM organization_centers c" + where.sql())).query(Long.class).single();
    }

    /** The legacy unique index on {@code name} covers deleted rows too, so they count here. */
    boolean nameTaken(String name, Integer exceptId) {
        return jdbc.sql("SELECT count(*) FROM organization_centers WHERE name = :name AND id <> :except")
                .param("name", name.trim()).param("except", exceptId == null ? -1 : exceptId).query(Long.class).single() > 0;
    }

    boolean emailTaken(String email, Integer exceptId) {
        return jdbc.sql("SELECT count(*) FROM organization_centers WHERE lower(email) = lower(:email) AND id <> :except AND delete_at IS NULL")
                .param("email", email.trim()).param("except", exceptId == null ? -1 : exceptId).query(Long.class).single() > 0;
    }

    int insert(CenterInput in, String status, String type) {
        return jdbc.sql("""
                INSERT INTO organization_centers (created_at, updated_at, name, address, city, postal_code, country_code,
                    telephone_number, mobile_number, email, website, latitude, longitude, status, organization_type, description)
                VALUES (now(), now(), :name, :address, :city, :postal, :country, :tel, :mobile, :email, :website, :lat, :lon,
                    :status, :type, :description) RETURNING id""")
                .params(values(in, status, type)).query(Integer.class).single();
    }

    void update(int id, CenterInput in, String status, String type) {
        jdbc.sql("""
                UPDATE organization_centers SET updated_at = now(), name = :name, address = :address, city = :city,
                    postal_code = :postal, country_code = :country, telephone_number = :tel, mobile_number = :mobile,
                    email = :email, website = :website, latitude = :lat, longitude = :lon, status = :status,
                    organization_type = :type, description = :description
                WHERE id = :id AND delete_at IS NULL""")
                .params(values(in, status, type)).param("id", id).update();
    }

    void updateStatus(int id, String status) {
        jdbc.sql("UPDATE organization_centers SET status = :status, updated_at = now() WHERE id = :id AND delete_at IS NULL")
                .param("status", status).param("id", id).update();
    }

    void softDelete(int id) {
        jdbc.sql("UPDATE organization_centers SET status = 'deleted', delete_at = now(), updated_at = now() WHERE id = :id")
                .param("id", id).update();
    }

    private static java.util.Map<String, Object> values(CenterInput in, String status, String type) {
        java.util.Map<String, Object> v = new java.util.HashMap<>();
        v.put("name", in.name().trim());
        v.put("address", text(in.address()));
        v.put("city", text(in.city()));
        v.put("postal", in.postalCode());
        v.put("country", text(in.countryCode()));
        v.put("tel", text(in.telephoneNumber()));
        v.put("mobile", text(in.mobileNumber()));
        v.put("email", in.email().trim());
        v.put("website", in.website());
        v.put("lat", in.latitude());
        v.put("lon", in.longitude());
        v.put("status", status);
        v.put("type", type);
        v.put("description", in.description());
        return v;
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    private static SqlWhere where(Filter f) {
        return SqlWhere.of("c.delete_at IS NULL")
                .search(f.search(), "c.name", "c.email", "c.city", "c.address", "c.telephone_number", "c.mobile_number", "c.description")
                .and("c.status = ?", f.status())
                .and("c.organization_type = ?", f.organizationType())
                .and("c.country_code = ?", f.countryCode())
                .and("c.city = ?", f.city());
    }
}

package org.lafaom.platform.users;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.users.UserViews.UserFullOut;
import org.lafaom.platform.users.UserViews.UserSimpleOut;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** SQL over the legacy {@code users} table and its profile tables. Soft-deleted rows are invisible. */
@Repository
class UserRepository {

    static final String SIMPLE_COLUMNS = "u.id, u.first_name, u.last_name, u.birth_date, u.civility, u.country_code, "
            + "u.mobile_number, u.fix_number, u.email, u.picture, u.status, u.lang, u.web_token, u.last_login, "
            + "u.user_type, u.two_factor_enabled, u.created_at";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final UserCache cache;

    UserRepository(JdbcClient jdbc, ObjectMapper mapper, UserCache cache) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.cache = cache;
    }

    Optional<UserSimpleOut> findSimple(String id) {
        return jdbc.sql("SELECT " + SIMPLE_COLUMNS + " FROM users u WHERE u.id = :id AND u.delete_at IS NULL")
                .param("id", id)
                .query(UserSimpleOut.class)
                .optional();
    }

    List<UserSimpleOut> findSimple(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + SIMPLE_COLUMNS + " FROM users u WHERE u.id IN (:ids) AND u.delete_at IS NULL ORDER BY u.created_at")
                .param("ids", ids)
                .query(UserSimpleOut.class)
                .list();
    }

    Optional<UserCredentials> findCredentialsByEmail(String email) {
        return jdbc.sql("""
                SELECT id, email, password, status, lang, first_name, last_name, two_factor_enabled
                FROM users WHERE lower(email) = lower(:email) AND delete_at IS NULL
                ORDER BY created_at LIMIT 1""")
                .param("email", email.trim())
                .query(UserCredentials.class)
                .optional();
    }

    Optional<UserCredentials> findCredentialsById(String id) {
        return jdbc.sql("""
                SELECT id, email, password, status, lang, first_name, last_name, two_factor_enabled
                FROM users WHERE id = :id AND delete_at IS NULL""")
                .param("id", id)
                .query(UserCredentials.class)
                .optional();
    }

    boolean emailTaken(String email, String exceptUserId) {
        return jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(:email) AND id <> :except")
                        .param("email", email.trim())
                        .param("except", exceptUserId == null ? "" : exceptUserId)
                        .query(Long.class)
                        .single() > 0;
    }

    /**
     * The user with profession, addresses and curriculum in one round trip: PostgreSQL builds the
     * nested parts as JSON, read with the application's (snake_case) mapper.
     */
    Optional<UserFullOut> findFull(String id) {
        return jdbc.sql("""
                SELECT row_to_json(f) FROM (
                  SELECT %s,
                    (SELECT row_to_json(p) FROM (SELECT id, professional_status, professional_experience_in_months,
                            socio_professional_category, job_position, employer, created_at
                        FROM profession_status WHERE user_id = u.id AND delete_at IS NULL ORDER BY created_at DESC LIMIT 1) p)
                      AS professions_status,
                    coalesce((SELECT json_agg(a ORDER BY a.address_type DESC, a.id) FROM (SELECT id, address_type, country_code, city,
                            street, postal_code, state, created_at
                        FROM addresses WHERE user_id = u.id AND delete_at IS NULL) a), '[]'::json) AS addresses,
                    (SELECT row_to_json(c) FROM (SELECT id, qualification, last_degree_obtained, date_of_last_degree, created_at
                        FROM school_curriculum WHERE user_id = u.id AND delete_at IS NULL ORDER BY created_at DESC LIMIT 1) c)
                      AS school_curriculum
                  FROM users u WHERE u.id = :id AND u.delete_at IS NULL) f""".formatted(SIMPLE_COLUMNS))
                .param("id", id)
                .query(String.class)
                .optional()
                .map(json -> json(json));
    }

    private UserFullOut json(String json) {
        return mapper.readValue(json, UserFullOut.class);
    }

    void upsertAddress(String userId, String type, String country, String city, String street, String postal, String state) {
        cache.evict(userId);
        int updated = jdbc.sql("""
                UPDATE addresses SET country_code = :country, city = :city, street = :street, postal_code = :postal,
                       state = :state, updated_at = now()
                WHERE user_id = :u AND address_type = :type AND delete_at IS NULL""")
                .param("u", userId).param("type", type).param("country", country).param("city", city)
                .param("street", street).param("postal", postal).param("state", state)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO addresses (created_at, updated_at, user_id, address_type, country_code, city, street, postal_code, state)
                    VALUES (now(), now(), :u, :type, :country, :city, :street, :postal, :state)""")
                    .param("u", userId).param("type", type).param("country", country).param("city", city)
                    .param("street", street).param("postal", postal).param("state", state)
                    .update();
        }
    }

    void insert(NewUser user) {
        jdbc.sql("""
                INSERT INTO users (id, created_at, updated_at, first_name, last_name, birth_date, civility, country_code,
                    mobile_number, fix_number, email, password, status, lang, web_token, user_type, two_factor_enabled)
                VALUES (:id, now(), now(), :firstName, :lastName, :birthDate, :civility, :countryCode,
                    :mobileNumber, :fixNumber, :email, :password, :status, :lang, :webToken, :userType, :twoFactorEnabled)""")
                .paramSource(user)
                .update();
    }

    /** Applies the non-null columns of {@code changes}; column names come from code, never from input. */
    void update(String id, java.util.Map<String, Object> changes) {
        if (changes.isEmpty()) {
            return;
        }
        cache.evict(id);
        StringBuilder sql = new StringBuilder("UPDATE users SET updated_at = now()");
        changes.keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
        sql.append(" WHERE id = :id");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("id", id);
        for (var e : changes.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.update();
    }

    /** Replaces the hash only if it is still {@code expected}; false when the password changed meanwhile. */
    boolean replacePasswordHash(String id, String expected, String replacement) {
        cache.evict(id);
        return jdbc.sql("UPDATE users SET password = :replacement WHERE id = :id AND password = :expected")
                .param("replacement", replacement).param("id", id).param("expected", expected)
                .update() == 1;
    }

    void touchLastLogin(String id) {
        cache.evict(id);
        jdbc.sql("UPDATE users SET last_login = now() WHERE id = :id").param("id", id).update();
    }

    void revokeSessions(String id, OffsetDateTime at) {
        cache.evict(id);
        jdbc.sql("UPDATE users SET sessions_revoked_at = :at, updated_at = now() WHERE id = :id")
                .param("at", at).param("id", id).update();
    }

    void softDelete(String id) {
        cache.evict(id);
        jdbc.sql("UPDATE users SET status = 'deleted', delete_at = now(), updated_at = now(), sessions_revoked_at = now() WHERE id = :id")
                .param("id", id)
                .update();
    }

    record ListFilter(String search, String userType, String countryCode) {}

    List<UserSimpleOut> list(ListFilter filter, PageRequest page) {
        Where where = where(filter);
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT " + SIMPLE_COLUMNS + " FROM users u" + where.sql
                + " ORDER BY " + page.orderClause("u") + " LIMIT :limit OFFSET :offset");
        for (int i = 0; i < where.params.size(); i++) {
            spec = spec.param("p" + i, where.params.get(i));
        }
        return spec.param("limit", page.pageSize()).param("offset", page.offset()).query(UserSimpleOut.class).list();
    }

    long count(ListFilter filter) {
        Where where = where(filter);
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT count(*) FROM users u" + where.sql);
        for (int i = 0; i < where.params.size(); i++) {
            spec = spec.param("p" + i, where.params.get(i));
        }
        return spec.query(Long.class).single();
    }

    private record Where(String sql, List<Object> params) {}

    private static Where where(ListFilter f) {
        List<String> clauses = new ArrayList<>(List.of("u.delete_at IS NULL"));
        List<Object> params = new ArrayList<>();
        if (f.search() != null && !f.search().isBlank()) {
            String p = ":p" + params.size();
            clauses.add("(u.first_name ILIKE " + p + " OR u.last_name ILIKE " + p + " OR u.email ILIKE " + p
                    + " OR u.mobile_number ILIKE " + p + ")");
            params.add("%" + escapeLike(f.search().trim()) + "%");
        }
        if (f.userType() != null) {
            clauses.add("u.user_type = :p" + params.size());
            params.add(f.userType());
        }
        if (f.countryCode() != null && !f.countryCode().isBlank()) {
            clauses.add("u.country_code = :p" + params.size());
            params.add(f.countryCode());
        }
        return new Where(" WHERE " + String.join(" AND ", clauses), params);
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

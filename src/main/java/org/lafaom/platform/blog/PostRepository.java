package org.lafaom.platform.blog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lafaom.platform.blog.BlogViews.PostOut;
import org.lafaom.platform.shared.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** SQL over the legacy {@code posts} table; soft-deleted posts are invisible. */
@Repository
class PostRepository {

    private static final String COLUMNS = "p.id, p.user_id, p.author_name, p.title, p.slug, p.cover_image, p.summary, "
            + "p.published_at, p.tags::text AS tags, p.category_id, p.created_at, p.updated_at";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final RowMapper<PostOut> rows = this::row;

    PostRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    Optional<PostOut> findLive(int id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM posts p WHERE p.id = :id AND p.delete_at IS NULL")
                .param("id", id).query(rows).optional();
    }

    Optional<PostOut> findLiveBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM posts p WHERE p.slug = :slug AND p.delete_at IS NULL")
                .param("slug", slug).query(rows).optional();
    }

    /** Locks the post row (live or not) so that changes to its sections' positions run one at a time. */
    boolean lock(int id) {
        return jdbc.sql("SELECT id FROM posts WHERE id = :id FOR UPDATE").param("id", id).query(Integer.class).optional().isPresent();
    }

    /** Throws {@code DuplicateKeyException} when a live post has the slug (partial unique index). */
    PostOut insert(String userId, String authorName, String title, String slug, String coverImage, String summary,
            List<String> tags, int categoryId) {
        return jdbc.sql("""
                INSERT INTO posts AS p (created_at, updated_at, user_id, author_name, title, slug, cover_image, summary, tags, category_id)
                VALUES (now(), now(), :userId, :authorName, :title, :slug, :cover, :summary, CAST(:tags AS json), :categoryId)
                RETURNING\s""" + COLUMNS)
                .param("userId", userId).param("authorName", authorName).param("title", title).param("slug", slug)
                .param("cover", coverImage).param("summary", summary).param("tags", mapper.writeValueAsString(tags))
                .param("categoryId", categoryId)
                .query(rows).single();
    }

    /**
     * Sets the given columns (names come from code, never from input; {@code tags} is a list).
     * Throws {@code DuplicateKeyException} on a slug clash.
     */
    Optional<PostOut> update(int id, Map<String, Object> changes) {
        StringBuilder sql = new StringBuilder("UPDATE posts p SET updated_at = now()");
        changes.keySet().forEach(column -> sql.append(", ").append(column)
                .append(column.equals("tags") ? " = CAST(:tags AS json)" : " = :" + column));
        sql.append(" WHERE p.id = :id AND p.delete_at IS NULL RETURNING ").append(COLUMNS);
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("id", id);
        for (var e : changes.entrySet()) {
            spec = spec.param(e.getKey(), e.getKey().equals("tags") ? mapper.writeValueAsString(e.getValue()) : e.getValue());
        }
        return spec.query(rows).optional();
    }

    Optional<PostOut> publish(int id) {
        return jdbc.sql("UPDATE posts p SET published_at = now(), updated_at = now() WHERE p.id = :id AND p.delete_at IS NULL RETURNING "
                        + COLUMNS)
                .param("id", id).query(rows).optional();
    }

    Optional<PostOut> softDelete(int id) {
        return jdbc.sql("UPDATE posts p SET delete_at = now(), updated_at = now() WHERE p.id = :id AND p.delete_at IS NULL RETURNING "
                        + COLUMNS)
                .param("id", id).query(rows).optional();
    }

    /**
     * What a listing shows. {@code published}: true = published only, false = drafts only, null = both.
     * {@code tag} matches one whole tag, case-insensitively.
     */
    record ListFilter(Boolean published, String search, Integer categoryId, String tag) {}

    List<PostOut> list(ListFilter filter, PageRequest page) {
        Where where = where(filter);
        return where.bind(jdbc.sql("SELECT " + COLUMNS + " FROM posts p" + where.sql + " ORDER BY " + page.orderClause("p")
                        + " LIMIT :limit OFFSET :offset"))
                .param("limit", page.pageSize()).param("offset", page.offset())
                .query(rows).list();
    }

    /** Counts with exactly the conditions of {@link #list}, so {@code total_number} matches what is listed. */
    long count(ListFilter filter) {
        Where where = where(filter);
        return where.bind(jdbc.sql("SELECT count(*) FROM posts p" + where.sql)).query(Long.class).single();
    }

    private record Where(String sql, List<Object> params) {
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            for (int i = 0; i < params.size(); i++) {
                spec = spec.param("p" + i, params.get(i));
            }
            return spec;
        }
    }

    private static Where where(ListFilter f) {
        List<String> clauses = new ArrayList<>(List.of("p.delete_at IS NULL"));
        List<Object> params = new ArrayList<>();
        if (Boolean.TRUE.equals(f.published())) {
            clauses.add("p.published_at IS NOT NULL");
        } else if (Boolean.FALSE.equals(f.published())) {
            clauses.add("p.published_at IS NULL");
        }
        if (f.search() != null) {
            String p = ":p" + params.size();
            clauses.add("(p.title ILIKE " + p + " OR p.summary ILIKE " + p + " OR p.author_name ILIKE " + p + ")");
            params.add("%" + f.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.categoryId() != null) {
            clauses.add("p.category_id = :p" + params.size());
            params.add(f.categoryId());
        }
        if (f.tag() != null) {
            clauses.add("EXISTS (SELECT 1 FROM json_array_elements_text(CASE WHEN json_typeof(p.tags) = 'array' THEN p.tags"
                    + " ELSE '[]'::json END) t WHERE lower(t) = lower(:p" + params.size() + "))");
            params.add(f.tag());
        }
        return new Where(" WHERE " + String.join(" AND ", clauses), params);
    }

    private PostOut row(ResultSet rs, int n) throws SQLException {
        return new PostOut(rs.getInt("id"), rs.getString("user_id"), rs.getString("author_name"), rs.getString("title"),
                rs.getString("slug"), rs.getString("cover_image"), rs.getString("summary"),
                rs.getObject("published_at", OffsetDateTime.class), tags(rs.getString("tags")), rs.getInt("category_id"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

    /** A JSON list as stored; JSON null stays null (the contract's {@code Optional[List[str]]}). */
    private List<String> tags(String json) {
        JsonNode node = json == null ? null : mapper.readTree(json);
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(t -> tags.add(t.isString() ? t.asString() : t.toString()));
        }
        return tags;
    }
}

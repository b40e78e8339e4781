package org.lafaom.platform.blog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lafaom.platform.blog.BlogViews.PostSectionOut;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the legacy {@code post_sections} table. Sections are hard-deleted, as in the old backend. */
@Repository
class SectionRepository {

    private static final String COLUMNS = "id, title, cover_image, content, position, post_id, created_at, updated_at";

    private final JdbcClient jdbc;

    SectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In reading order: by position, ties (legacy rows) by id. */
    List<PostSectionOut> listLive(int postId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM post_sections WHERE post_id = :post AND delete_at IS NULL ORDER BY position, id")
                .param("post", postId).query(PostSectionOut.class).list();
    }

    Optional<PostSectionOut> findLive(int id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM post_sections WHERE id = :id AND delete_at IS NULL")
                .param("id", id).query(PostSectionOut.class).optional();
    }

    int insert(int postId, String title, String coverImage, String content, int position) {
        return jdbc.sql("""
                INSERT INTO post_sections (created_at, updated_at, title, cover_image, content, section_style, position, post_id)
                VALUES (now(), now(), :title, :cover, :content, '', :position, :post) RETURNING id""")
                .param("title", title).param("cover", coverImage).param("content", content)
                .param("position", position).param("post", postId)
                .query(Integer.class).single();
    }

    /** Sets the given columns; names come from code, never from input. */
    void update(int id, Map<String, Object> changes) {
        StringBuilder sql = new StringBuilder("UPDATE post_sections SET updated_at = now()");
        changes.keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
        JdbcClient.StatementSpec spec = jdbc.sql(sql.append(" WHERE id = :id").toString()).param("id", id);
        for (var e : changes.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.update();
    }

    void setPosition(int id, int position) {
        jdbc.sql("UPDATE post_sections SET position = :position, updated_at = now() WHERE id = :id")
                .param("position", position).param("id", id).update();
    }

    void delete(int id) {
        jdbc.sql("DELETE FROM post_sections WHERE id = :id").param("id", id).update();
    }
}

package org.lafaom.platform.blog;

import java.util.List;
import java.util.Optional;
import org.lafaom.platform.blog.BlogViews.PostCategoryOut;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the legacy {@code post_categories} table; soft-deleted rows are invisible. */
@Repository
class CategoryRepository {

    private static final String COLUMNS = "id, title, slug, description, created_at, updated_at";

    private final JdbcClient jdbc;

    CategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PostCategoryOut> listLive() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM post_categories WHERE delete_at IS NULL ORDER BY title, id")
                .query(PostCategoryOut.class)
                .list();
    }

    Optional<PostCategoryOut> findLive(int id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM post_categories WHERE id = :id AND delete_at IS NULL")
                .param("id", id)
                .query(PostCategoryOut.class)
                .optional();
    }

    boolean exists(int id) {
        return findLive(id).isPresent();
    }

    /** Throws {@code DuplicateKeyException} when a live category has the slug (partial unique index). */
    PostCategoryOut insert(String title, String slug, String description) {
        return jdbc.sql("INSERT INTO post_categories (created_at, updated_at, title, slug, description)"
                        + " VALUES (now(), now(), :title, :slug, :description) RETURNING " + COLUMNS)
                .param("title", title).param("slug", slug).param("description", description)
                .query(PostCategoryOut.class)
                .single();
    }

    /** Null arguments keep the stored value. Throws {@code DuplicateKeyException} on a slug clash. */
    Optional<PostCategoryOut> update(int id, String title, String slug, String description) {
        return jdbc.sql("""
                UPDATE post_categories SET updated_at = now(), title = coalesce(CAST(:title AS varchar), title),
                       slug = coalesce(CAST(:slug AS varchar), slug),
                       description = coalesce(CAST(:description AS varchar), description)
                WHERE id = :id AND delete_at IS NULL RETURNING\s""" + COLUMNS)
                .param("id", id).param("title", title).param("slug", slug).param("description", description)
                .query(PostCategoryOut.class)
                .optional();
    }

    Optional<PostCategoryOut> softDelete(int id) {
        return jdbc.sql("UPDATE post_categories SET delete_at = now(), updated_at = now()"
                        + " WHERE id = :id AND delete_at IS NULL RETURNING " + COLUMNS)
                .param("id", id)
                .query(PostCategoryOut.class)
                .optional();
    }
}

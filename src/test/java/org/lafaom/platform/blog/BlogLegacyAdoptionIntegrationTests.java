package org.lafaom.platform.blog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.LegacyApplication;
import org.lafaom.platform.support.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * The old backend's blog data is adopted: duplicate live slugs (possible before, with no unique
 * index) are renamed so the index can exist, tags stored as a JSON string inside the list are
 * unfolded, no row is lost, and covers stored under {@code static/uploads/posts/} are still served.
 */
class BlogLegacyAdoptionIntegrationTests {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
    private static TestDatabase.Database database;
    private static ConfigurableApplicationContext app;
    private static Http http;
    private static Path legacyStatic;

    @BeforeAll
    static void startOnALegacyDatabase() throws Exception {
        database = TestDatabase.create("blog_legacy");
        try (Connection c = TestDatabase.connect(database); Statement s = c.createStatement()) {
            s.execute(new ClassPathResource("db/migration/V1__baseline_legacy_schema.sql").getContentAsString(StandardCharsets.UTF_8));
            s.execute("""
                    INSERT INTO users (id, created_at, updated_at, first_name, last_name, email, password, status, lang, user_type, two_factor_enabled)
                    VALUES ('u-1', now(), now(), 'Awa', 'Diop', 'awa@example.sn', 'x', 'active', 'fr', 'staff', false)""");
            s.execute("""
                    INSERT INTO post_categories (id, created_at, updated_at, delete_at, title, slug, description) VALUES
                      (1, now(), now(), NULL, 'Santé', 'sante', 'a'),
                      (2, now(), now(), NULL, 'Sante', 'sante', 'b'),
                      (3, now(), now(), now(), 'Santé', 'sante', 'deleted'),
                      (4, now(), now(), NULL, 'Sante 2', 'sante-2', 'c')""");
            s.execute("SELECT setval('post_categories_id_seq', 4)");
            s.execute("""
                    INSERT INTO posts (id, created_at, updated_at, delete_at, user_id, author_name, title, slug, cover_image, summary, published_at, tags, category_id) VALUES
                      (1, now(), now(), NULL, 'u-1', 'A', 'Rentrée', 'rentree', 'static/uploads/posts/101010123456_rentree.jpg', 's', now(), '["[\\"sante\\",\\"dakar\\"]", "emploi"]', 1),
                      (2, now(), now(), NULL, 'u-1', 'A', 'Rentrée', 'rentree', 'https://bucket.s3.eu-north-1.amazonaws.com/posts/x.jpg', NULL, now(), '["[oops"]', 1),
                      (3, now(), now(), now(), 'u-1', 'A', 'Rentrée', 'rentree', 'c', NULL, now(), '[]', 1),
                      (4, now(), now(), NULL, 'u-1', 'A', 'Null tags', 'null-tags', 'c', NULL, now(), 'null', 1)""");
            s.execute("SELECT setval('posts_id_seq', 4)");
            s.execute("""
                    INSERT INTO post_sections (created_at, updated_at, title, cover_image, content, section_style, position, post_id) VALUES
                      (now(), now(), 'S1', 'static/uploads/posts/sections/101010123456_s1.jpg', 'c', '', 1, 1),
                      (now(), now(), 'S2', NULL, 'c', '', 1, 1)""");
        }
        legacyStatic = Files.createTempDirectory("lafaom-legacy-static");
        Files.createDirectories(legacyStatic.resolve("uploads/posts/sections"));
        Files.write(legacyStatic.resolve("uploads/posts/101010123456_rentree.jpg"), JPEG);
        Files.write(legacyStatic.resolve("uploads/posts/sections/101010123456_s1.jpg"), JPEG);
        Files.writeString(legacyStatic.resolve("uploads/posts/notes.html"), "<script>alert(1)</script>");
        Files.createDirectories(legacyStatic.resolve("uploads/job-applications"));
        Files.write(legacyStatic.resolve("uploads/job-applications/cv.jpg"), JPEG);
        LegacyApplication.Running running = LegacyApplication.start(database, Map.of(
                "lafaom.blog.legacy-static-dir", legacyStatic.toString(),
                "lafaom.uploads.dir", Files.createTempDirectory("lafaom-uploads").toString()));
        app = running.context();
        http = running.http();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void whenAdoptedThenDuplicateLiveSlugsAreRenamedTheOldestKeepsItAndNoRowIsLost() throws Exception {
        assertThat(column("SELECT id || ':' || slug FROM post_categories ORDER BY id"))
                .containsExactly("1:sante", "2:sante-2-2", "3:sante", "4:sante-2");
        assertThat(column("SELECT id || ':' || slug FROM posts ORDER BY id"))
                .containsExactly("1:rentree", "2:rentree-2", "3:rentree", "4:null-tags");
        assertThat(http.get("/api/v1/blog/posts-by-slug/rentree").at("/data/id").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/blog/posts-by-slug/rentree-2").at("/data/id").asInt()).isEqualTo(2);
    }

    @Test
    void whenAdoptedThenTheDatabaseRefusesASecondLiveSlug() throws Exception {
        try (Connection c = TestDatabase.connect(database); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("""
                    INSERT INTO posts (created_at, updated_at, user_id, author_name, title, slug, cover_image, tags, category_id)
                    VALUES (now(), now(), 'u-1', 'A', 'Rentrée', 'rentree', 'c', '[]', 1)""")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("posts_live_slug_key");
            assertThatThrownBy(() -> s.execute("""
                    INSERT INTO post_categories (created_at, updated_at, title, slug) VALUES (now(), now(), 'Santé', 'sante')"""))
                    .isInstanceOf(SQLException.class).hasMessageContaining("post_categories_live_slug_key");
        }
    }

    @Test
    void whenAdoptedThenTagsStoredAsAJsonStringAreUnfoldedAndOthersKept() {
        assertThat(http.get("/api/v1/blog/posts/1").at("/data/tags").toString()).isEqualTo("[\"sante\",\"dakar\",\"emploi\"]");
        assertThat(http.get("/api/v1/blog/posts/2").at("/data/tags").toString()).isEqualTo("[\"[oops\"]");
        assertThat(http.get("/api/v1/blog/posts/4").at("/data/tags").isNull()).isTrue();
        assertThat(http.get("/api/v1/blog/get-published-posts?tag=dakar").at("/data/0/id").asInt()).isEqualTo(1);
    }

    @Test
    void whenALegacyCoverPathIsRequestedOnTheApiHostThenTheImageIsServed() {
        Http.Response post = http.get("/api/v1/blog/posts/1");
        assertThat(post.text("/data/cover_image")).isEqualTo("static/uploads/posts/101010123456_rentree.jpg");
        Http.Response image = http.get("/" + post.text("/data/cover_image"));
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(image.raw().body()).isEqualTo(JPEG);

        Http.Response section = http.get("/api/v1/blog/posts/1/sections");
        assertThat(section.at("/data/0/title").asString()).isEqualTo("S1");
        assertThat(http.get("/" + section.text("/data/0/cover_image")).raw().body()).isEqualTo(JPEG);
        assertThat(http.get("/api/v1/blog/posts/2").text("/data/cover_image")).isEqualTo("https://bucket.s3.eu-north-1.amazonaws.com/posts/x.jpg");
    }

    @Test
    void whenSomethingElseOfTheOldStaticFolderIsRequestedThenItIsNotServed() {
        for (String path : List.of("/static/uploads/posts/notes.html", "/static/uploads/job-applications/cv.jpg",
                "/static/uploads/posts/..%2Fjob-applications%2Fcv.jpg", "/static/uploads/posts/missing.jpg",
                "/static/uploads/posts/sections/..%2F..%2Fjob-applications%2Fcv.jpg")) {
            assertThat(http.get(path).status()).as(path).isIn(400, 404);
        }
    }

    private static List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = TestDatabase.connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}

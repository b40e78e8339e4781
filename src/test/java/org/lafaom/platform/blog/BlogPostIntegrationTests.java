package org.lafaom.platform.blog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.Http.Options;
import org.lafaom.platform.support.Multipart;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

class BlogPostIntegrationTests extends BlogIntegrationTest {

    @Value("${lafaom.uploads.dir}")
    String uploadsDir;

    @Test
    void whenStaffWritesAndPublishesAPostThenAVisitorReadsItBySlug() {
        int category = createCategory(unique("Vie du centre"));
        String suffix = unique("x").substring(2);
        Http.Response created = createPost(Multipart.form()
                .field("author_name", "Awa Diop")
                .field("title", "Journée portes ouvertes à Thiès " + suffix)
                .file("cover_image", "affiche.jpg", "image/jpeg", JPEG)
                .field("section_style", "Normal")
                .field("summary", "Venez découvrir nos formations")
                .field("tags", "[\"santé\",\"Thiès\"]")
                .field("category_id", String.valueOf(category)));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.text("/message")).isEqualTo("Post created successfully");
        JsonNode post = created.at("/data");
        String slug = "journee-portes-ouvertes-a-thies-" + suffix;
        assertThat(post.at("/slug").asString()).isEqualTo(slug);
        assertThat(post.at("/published_at").isNull()).isTrue();
        assertThat(fieldNames(post)).containsExactlyInAnyOrder("id", "user_id", "author_name", "title", "slug", "cover_image",
                "summary", "published_at", "tags", "category_id", "created_at", "updated_at");
        int id = post.at("/id").asInt();
        Http.Response section = http.post("/api/v1/blog/sections", Multipart.form()
                .field("title", "Programme").field("content", "<p>9h : accueil</p>").field("position", "1")
                .field("post_id", String.valueOf(id)), Options.bearer(editor()));
        assertThat(section.status()).isEqualTo(200);

        Http.Response before = http.get("/api/v1/blog/posts-by-slug/" + slug);
        assertThat(before.status()).isEqualTo(400);
        assertThat(before.text("/error_code")).isEqualTo("post_not_found");

        Http.Response published = http.post("/api/v1/blog/posts/" + id + "/publish", Map.of(), Options.bearer(editor()));
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.text("/message")).isEqualTo("Post published successfully");
        assertThat(published.text("/data/published_at")).isNotNull();

        Http.Response read = http.get("/api/v1/blog/posts-by-slug/" + slug);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("/message")).isEqualTo("Post fetched successfully");
        assertThat(read.text("/data/title")).isEqualTo("Journée portes ouvertes à Thiès " + suffix);
        assertThat(read.text("/data/author_name")).isEqualTo("Awa Diop");
        assertThat(read.text("/data/summary")).isEqualTo("Venez découvrir nos formations");
        assertThat(read.at("/data/tags").toString()).isEqualTo("[\"santé\",\"Thiès\"]");
        assertThat(read.at("/data/category_id").asInt()).isEqualTo(category);
        Http.Response sections = http.get("/api/v1/blog/posts-by-slug/" + slug + "/sections");
        assertThat(sections.status()).isEqualTo(200);
        assertThat(sections.at("/data/0/content").asString()).isEqualTo("<p>9h : accueil</p>");
        assertThat(http.get("/api/v1/blog/posts/" + id + "/sections").at("/data").size()).isEqualTo(1);

        String cover = read.text("/data/cover_image");
        assertThat(cover).startsWith(PUBLIC_URL + "/api/v1/media/blog/").endsWith(".jpg");
        Http.Response image = http.get(cover.substring(PUBLIC_URL.length()));
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(image.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(image.raw().body()).isEqualTo(JPEG);
    }

    @Test
    void whenTagsArriveAsAJsonStringOrARepeatedFieldThenTheyAreStoredAsAList() {
        int category = createCategory(unique("Tags"));
        Http.Response json = createPost(postForm(unique("Json"), category).field("tags", "[\"art\", \" Art \", \"\", \"dakar\"]"));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.at("/data/tags").toString()).isEqualTo("[\"art\",\"dakar\"]");

        Http.Response repeated = createPost(postForm(unique("Repeated"), category).field("tags", "santé").field("tags", "emploi"));
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.at("/data/tags").toString()).isEqualTo("[\"santé\",\"emploi\"]");

        Http.Response none = createPost(postForm(unique("None"), category));
        assertThat(none.at("/data/tags").toString()).isEqualTo("[]");
        assertThat(jdbc.sql("SELECT tags::text FROM posts WHERE id = :id").param("id", none.at("/data/id").asInt())
                .query(String.class).single()).isEqualTo("[]");

        Http.Response broken = createPost(postForm(unique("Broken"), category).field("tags", "[\"art\""));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.at("/error/0/loc").toString()).isEqualTo("[\"body\",\"tags\"]");

        Http.Response objects = createPost(postForm(unique("Objects"), category).field("tags", "[{\"a\":1}]"));
        assertThat(objects.status()).isEqualTo(422);

        int id = json.at("/data/id").asInt();
        Http.Response cleared = http.put("/api/v1/blog/posts/" + id, Multipart.form().field("tags", "[]"), Options.bearer(editor()));
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.at("/data/tags").toString()).isEqualTo("[]");
    }

    @Test
    void whenTheCoverLiesAboutItsTypeOrIsTooLargeOrMissingThenNothingIsCreated() throws IOException {
        int category = createCategory(unique("Couvertures"));
        long postsBefore = countPosts();
        long filesBefore = storedFiles();

        Http.Response liar = createPost(Multipart.form().field("author_name", "A").field("title", unique("Liar"))
                .file("cover_image", "cover.png", "image/png", "%PDF-1.4 not an image".getBytes())
                .field("category_id", String.valueOf(category)));
        assertThat(liar.status()).isEqualTo(400);
        assertThat(liar.text("/error_code")).isEqualTo("invalid_file");

        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        Http.Response tooLarge = createPost(Multipart.form().field("author_name", "A").field("title", unique("Large"))
                .file("cover_image", "big.png", "image/png", big).field("category_id", String.valueOf(category)));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.text("/error_code")).isEqualTo("payload_too_large");

        byte[] huge = new byte[21 * 1024 * 1024];
        System.arraycopy(PNG, 0, huge, 0, PNG.length);
        Http.Response overMultipartLimit = createPost(Multipart.form().field("author_name", "A").field("title", unique("Huge"))
                .file("cover_image", "huge.png", "image/png", huge).field("category_id", String.valueOf(category)));
        assertThat(overMultipartLimit.status()).isEqualTo(413);

        Http.Response missing = createPost(Multipart.form().field("author_name", "A").field("title", unique("Missing"))
                .field("category_id", String.valueOf(category)));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.at("/error/0/loc").toString()).isEqualTo("[\"body\",\"cover_image\"]");

        Http.Response textInsteadOfFile = createPost(Multipart.form().field("author_name", "A").field("title", unique("Text"))
                .field("cover_image", "https://example.test/x.png").field("category_id", String.valueOf(category)));
        assertThat(textInsteadOfFile.status()).isEqualTo(422);

        assertThat(countPosts()).isEqualTo(postsBefore);
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void whenFieldsAreMissingOrInvalidThenThe422NamesTheFormField() {
        int category = createCategory(unique("Champs"));
        Map<String, Multipart> cases = Map.of(
                "author_name", Multipart.form().field("title", unique("T")).file("cover_image", "c.png", "image/png", PNG)
                        .field("category_id", String.valueOf(category)),
                "title", Multipart.form().field("author_name", "A").file("cover_image", "c.png", "image/png", PNG)
                        .field("category_id", String.valueOf(category)),
                "category_id", Multipart.form().field("author_name", "A").field("title", unique("T"))
                        .file("cover_image", "c.png", "image/png", PNG).field("category_id", "abc"));
        cases.forEach((field, form) -> {
            Http.Response r = createPost(form);
            assertThat(r.status()).as(field).isEqualTo(422);
            assertThat(r.text("/error_code")).isEqualTo("validation_error");
            assertThat(r.at("/error/0/loc").toString()).as(field).isEqualTo("[\"body\",\"" + field + "\"]");
        });
        Http.Response punctuation = createPost(postForm("???", category));
        assertThat(punctuation.status()).isEqualTo(422);
        Http.Response tooLong = createPost(postForm("t".repeat(256), category));
        assertThat(tooLong.status()).isEqualTo(422);
        Http.Response json = http.post("/api/v1/blog/posts", Map.of("title", "x"), Options.bearer(editor()));
        assertThat(json.status()).isEqualTo(422);
    }

    @Test
    void whenTheCategoryIsUnknownOrDeletedThenThePostIsRefusedWithCategoryNotFound() {
        Http.Response unknown = createPost(postForm(unique("Orphan"), 999_999));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("/error_code")).isEqualTo("category_not_found");

        int category = createCategory(unique("Bientôt supprimée"));
        int post = draft(unique("Classée"), category).at("/data/id").asInt();
        http.delete("/api/v1/blog/categories/" + category, Options.bearer(editor()));
        Http.Response deleted = createPost(postForm(unique("Late"), category));
        assertThat(deleted.status()).isEqualTo(400);
        assertThat(deleted.text("/error_code")).isEqualTo("category_not_found");

        Http.Response move = http.put("/api/v1/blog/posts/" + post, Multipart.form().field("category_id", "999999"),
                Options.bearer(editor()));
        assertThat(move.status()).isEqualTo(400);
        assertThat(move.text("/error_code")).isEqualTo("category_not_found");
    }

    @Test
    void whenTheSlugIsTakenThenPostAlreadyExistsAndTheUploadedCoverIsNotKept() throws IOException {
        int category = createCategory(unique("Doublons"));
        String title = unique("Rentrée 2026");
        draft(title, category);
        long files = storedFiles();

        Http.Response again = createPost(postForm(title.toUpperCase(), category));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("/error_code")).isEqualTo("post_already_exists");
        assertThat(again.text("/message")).isEqualTo("Post already exists");
        assertThat(storedFiles()).isEqualTo(files);

        int other = draft(unique("Autre"), category).at("/data/id").asInt();
        Http.Response rename = http.put("/api/v1/blog/posts/" + other, Multipart.form().field("title", title),
                Options.bearer(editor()));
        assertThat(rename.status()).isEqualTo(400);
        assertThat(rename.text("/error_code")).isEqualTo("post_already_exists");
    }

    @Test
    void whenTwoStaffCreateTheSamePostAtOnceThenExactlyOneWinsAndNoneFails() throws Exception {
        int category = createCategory(unique("Course"));
        String title = unique("Concours");
        String token = editor();
        Map<Integer, Integer> statuses = new HashMap<>();
        for (Http.Response r : atOnce(8, () -> new Http(port).post("/api/v1/blog/posts", postForm(title, category), Options.bearer(token)))) {
            statuses.merge(r.status(), 1, Integer::sum);
            if (r.status() == 400) {
                assertThat(r.text("/error_code")).isEqualTo("post_already_exists");
            }
        }
        assertThat(statuses).containsEntry(200, 1).containsEntry(400, 7);
        assertThat(jdbc.sql("SELECT count(*) FROM posts WHERE slug = :s AND delete_at IS NULL").param("s", Slugs.slugify(title))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void whenAPostIsDeletedThenItIsSoftDeletedGoneFromReadsAndItsSlugIsFree() {
        int category = createCategory(unique("Suppression"));
        String title = unique("Annonce");
        int id = publishedPost(title, category);

        Http.Response deleted = http.delete("/api/v1/blog/posts/" + id, Options.bearer(editor()));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.text("/message")).isEqualTo("Post deleted successfully");
        assertThat(deleted.at("/data/id").asInt()).isEqualTo(id);
        assertThat(jdbc.sql("SELECT delete_at IS NOT NULL FROM posts WHERE id = :id").param("id", id).query(Boolean.class).single())
                .isTrue();

        for (String path : List.of("/api/v1/blog/posts/" + id, "/api/v1/blog/posts-by-slug/" + Slugs.slugify(title),
                "/api/v1/blog/posts/" + id + "/sections")) {
            Http.Response r = http.get(path, Options.bearer(editor()));
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.text("/error_code")).as(path).isEqualTo("post_not_found");
        }
        assertThat(http.delete("/api/v1/blog/posts/" + id, Options.bearer(editor())).status()).isEqualTo(400);
        assertThat(draft(title, category).at("/data/slug").asString()).isEqualTo(Slugs.slugify(title));
    }

    @Test
    void whenAPostIsADraftThenOnlyStaffWithViewBlogSeeItOnEveryReadRoute() {
        int category = createCategory(unique("Brouillons"));
        Http.Response draft = draft(unique("Secret"), category);
        int id = draft.at("/data/id").asInt();
        String slug = draft.text("/data/slug");
        List<String> reads = List.of("/api/v1/blog/posts/" + id, "/api/v1/blog/posts-by-slug/" + slug,
                "/api/v1/blog/posts/" + id + "/sections", "/api/v1/blog/posts-by-slug/" + slug + "/sections");

        for (Options who : List.of(new Options(), Options.bearer(writerWithoutView()), Options.bearer(staffWithoutBlog()),
                Options.bearer("not-a-token"))) {
            for (String path : reads) {
                Http.Response r = http.get(path, who);
                assertThat(r.status()).as(path).isEqualTo(400);
                assertThat(r.text("/error_code")).as(path).isEqualTo("post_not_found");
            }
            assertThat(ids(http.get("/api/v1/blog/posts?category_id=" + category, who))).doesNotContain(id);
        }
        for (String path : reads) {
            assertThat(http.get(path, Options.bearer(editor())).status()).as(path).isEqualTo(200);
        }
        assertThat(ids(http.get("/api/v1/blog/posts?category_id=" + category, Options.bearer(editor())))).contains(id);
        assertThat(ids(http.get("/api/v1/blog/get-published-posts?category_id=" + category, Options.bearer(editor()))))
                .doesNotContain(id);
    }

    @Test
    void whenAPublishedPostIsRetitledThenItsSlugStaysAndADraftsSlugFollowsItsTitle() {
        int category = createCategory(unique("Titres"));
        String original = unique("Premier titre");
        int published = publishedPost(original, category);
        String newTitle = unique("Titre corrigé");

        Http.Response retitled = http.put("/api/v1/blog/posts/" + published, Multipart.form().field("title", newTitle),
                Options.bearer(editor()));
        assertThat(retitled.status()).isEqualTo(200);
        assertThat(retitled.text("/message")).isEqualTo("Post updated successfully");
        assertThat(retitled.text("/data/title")).isEqualTo(newTitle);
        assertThat(retitled.text("/data/slug")).isEqualTo(Slugs.slugify(original));
        assertThat(http.get("/api/v1/blog/posts-by-slug/" + Slugs.slugify(original)).text("/data/title")).isEqualTo(newTitle);

        Http.Response draft = draft(unique("Brouillon"), category);
        String draftTitle = unique("Brouillon renommé");
        Http.Response renamed = http.put("/api/v1/blog/posts/" + draft.at("/data/id").asInt(),
                Multipart.form().field("title", draftTitle).field("author_name", "Moussa Sy").field("summary", "Résumé"),
                Options.bearer(editor()));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("/data/slug")).isEqualTo(Slugs.slugify(draftTitle));
        assertThat(renamed.text("/data/author_name")).isEqualTo("Moussa Sy");
        assertThat(renamed.text("/data/summary")).isEqualTo("Résumé");
        assertThat(renamed.text("/data/cover_image")).isEqualTo(draft.text("/data/cover_image"));
    }

    @Test
    void whenTheCoverIsReplacedThenTheNewOneIsServedAndTheOldFileIsRemoved() {
        int category = createCategory(unique("Images"));
        Http.Response draft = draft(unique("Image"), category);
        int id = draft.at("/data/id").asInt();
        String oldCover = draft.text("/data/cover_image").substring(PUBLIC_URL.length());
        assertThat(http.get(oldCover).status()).isEqualTo(200);

        Http.Response kept = http.put("/api/v1/blog/posts/" + id,
                Multipart.form().field("cover_image", draft.text("/data/cover_image")), Options.bearer(editor()));
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.text("/data/cover_image")).isEqualTo(draft.text("/data/cover_image"));

        Http.Response replaced = http.put("/api/v1/blog/posts/" + id,
                Multipart.form().file("cover_image", "new.jpg", "image/jpeg", JPEG), Options.bearer(editor()));
        assertThat(replaced.status()).isEqualTo(200);
        String newCover = replaced.text("/data/cover_image").substring(PUBLIC_URL.length());
        assertThat(newCover).isNotEqualTo(oldCover).endsWith(".jpg");
        assertThat(http.get(newCover).raw().body()).isEqualTo(JPEG);
        assertThat(http.get(oldCover).status()).isEqualTo(404);

        Http.Response liar = http.put("/api/v1/blog/posts/" + id,
                Multipart.form().file("cover_image", "x.jpg", "image/jpeg", "<html>".getBytes()), Options.bearer(editor()));
        assertThat(liar.status()).isEqualTo(400);
        assertThat(liar.text("/error_code")).isEqualTo("invalid_file");
        assertThat(http.get(newCover).status()).isEqualTo(200);
    }

    @Test
    void whenALegacyPostHasARelativeCoverPathThenItIsAnsweredAsStored() {
        int category = createCategory(unique("Ancien"));
        Integer id = jdbc.sql("""
                INSERT INTO posts (created_at, updated_at, user_id, author_name, title, slug, cover_image, summary, published_at, tags, category_id)
                SELECT now(), now(), id, 'Old', 'Old post', :slug, 'static/uploads/posts/101010123456_old-post.jpg', NULL, now(),
                       '["a"]', :category FROM users LIMIT 1 RETURNING id""")
                .param("slug", Slugs.slugify(unique("old post"))).param("category", category).query(Integer.class).single();

        Http.Response r = http.get("/api/v1/blog/posts/" + id);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/data/cover_image")).isEqualTo("static/uploads/posts/101010123456_old-post.jpg");
        assertThat(r.at("/data/summary").isNull()).isTrue();

        Http.Response replaced = http.put("/api/v1/blog/posts/" + id,
                Multipart.form().file("cover_image", "n.png", "image/png", PNG), Options.bearer(editor()));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.text("/data/cover_image")).startsWith(PUBLIC_URL + "/api/v1/media/blog/");
    }

    @Test
    void whenPublishingThenPublishedAtIsSetAndRepublishingMovesIt() {
        int category = createCategory(unique("Publication"));
        int id = draft(unique("À publier"), category).at("/data/id").asInt();

        String first = http.post("/api/v1/blog/posts/" + id + "/publish", Map.of(), Options.bearer(editor())).text("/data/published_at");
        String second = http.post("/api/v1/blog/posts/" + id + "/publish", Map.of(), Options.bearer(editor())).text("/data/published_at");
        assertThat(first).isNotNull();
        assertThat(java.time.OffsetDateTime.parse(second)).isAfterOrEqualTo(java.time.OffsetDateTime.parse(first));
        assertThat(http.get("/api/v1/blog/posts/" + id).status()).isEqualTo(200);

        Http.Response unknown = http.post("/api/v1/blog/posts/999999/publish", Map.of(), Options.bearer(editor()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("/error_code")).isEqualTo("post_not_found");
    }

    @Test
    void whenThePostIsUnknownThenEveryRouteAnswersPostNotFoundAndABadIdIs422() {
        for (Http.Response r : List.of(
                http.get("/api/v1/blog/posts/999999"),
                http.get("/api/v1/blog/posts-by-slug/no-such-post"),
                http.get("/api/v1/blog/posts/999999/sections"),
                http.get("/api/v1/blog/posts-by-slug/no-such-post/sections"),
                http.put("/api/v1/blog/posts/999999", Multipart.form().field("summary", "s"), Options.bearer(editor())),
                http.delete("/api/v1/blog/posts/999999", Options.bearer(editor())))) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text("/error_code")).isEqualTo("post_not_found");
            assertThat(r.text("/message")).isEqualTo("Post not found");
        }
        assertThat(http.get("/api/v1/blog/posts/abc").status()).isEqualTo(422);
        assertThat(http.get("/api/v1/blog/posts/99999999999").status()).isEqualTo(422);
    }

    @Test
    void whenTheCallerLacksThePermissionThenWritesAreRefused() {
        int category = createCategory(unique("Droits"));
        int id = draft(unique("Protégé"), category).at("/data/id").asInt();
        String nobody = staffWithoutBlog();
        String writer = writerWithoutView();

        assertThat(http.post("/api/v1/blog/posts", postForm(unique("Anon"), category), new Options()).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/blog/posts", postForm(unique("Nobody"), category), Options.bearer(nobody)).status()).isEqualTo(403);
        assertThat(http.put("/api/v1/blog/posts/" + id, Multipart.form().field("summary", "s"), Options.bearer(nobody)).status())
                .isEqualTo(403);
        assertThat(http.delete("/api/v1/blog/posts/" + id, Options.bearer(writer)).status()).isEqualTo(403);
        Http.Response publish = http.post("/api/v1/blog/posts/" + id + "/publish", Map.of(), Options.bearer(writer));
        assertThat(publish.status()).isEqualTo(403);
        assertThat(publish.text("/error_code")).isEqualTo("access_denied");
        assertThat(http.post("/api/v1/blog/posts/" + id + "/publish", Map.of(), new Options()).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/blog/posts/" + id, Options.bearer(editor())).at("/data/published_at").isNull()).isTrue();

        Http.Response writerCreates = http.post("/api/v1/blog/posts", postForm(unique("Writer"), category), Options.bearer(writer));
        assertThat(writerCreates.status()).isEqualTo(200);
    }

    private long countPosts() {
        return jdbc.sql("SELECT count(*) FROM posts").query(Long.class).single();
    }

    private long storedFiles() throws IOException {
        Path folder = Path.of(uploadsDir, CoverImages.FOLDER);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    static List<Integer> ids(Http.Response page) {
        List<Integer> ids = new ArrayList<>();
        page.at("/data").forEach(p -> ids.add(p.at("/id").asInt()));
        return ids;
    }

    private static Set<String> fieldNames(JsonNode node) {
        return new java.util.HashSet<>(node.propertyNames());
    }
}

package org.lafaom.platform.blog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.Http.Options;
import org.lafaom.platform.support.Multipart;

class BlogSectionIntegrationTests extends BlogIntegrationTest {

    @Test
    void whenASectionIsInsertedAtAPositionThenLaterSectionsShiftDown() {
        int post = publishedPost(unique("Insertions"), createCategory(unique("Sections")));
        int a = section(post, "A", null);
        int b = section(post, "B", null);
        int c = section(post, "C", 2);
        int d = section(post, "D", 1);
        int e = section(post, "E", 99);

        assertThat(order(post)).containsExactly("D1", "A2", "C3", "B4", "E5");
        Http.Response created = http.get("/api/v1/blog/posts/" + post + "/sections");
        assertThat(created.at("/data/0/id").asInt()).isEqualTo(d);
        assertThat(created.at("/data/4/id").asInt()).isEqualTo(e);
        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
    }

    @Test
    void whenASectionIsCreatedThenTheAnswerHasTheContractFields() {
        int post = draft(unique("Champs"), createCategory(unique("Sections"))).at("/data/id").asInt();
        Http.Response r = http.post("/api/v1/blog/sections", Multipart.form()
                .field("title", "Les métiers du soin").field("content", "<p>Texte</p>").field("position", "1")
                .field("post_id", String.valueOf(post)).file("cover_image", "s.png", "image/png", PNG), Options.bearer(editor()));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/message")).isEqualTo("Section created successfully");
        assertThat(new java.util.HashSet<>(r.at("/data").propertyNames())).containsExactlyInAnyOrder(
                "id", "title", "cover_image", "content", "position", "post_id", "created_at", "updated_at");
        assertThat(r.text("/data/title")).isEqualTo("Les métiers du soin");
        assertThat(r.at("/data/post_id").asInt()).isEqualTo(post);
        assertThat(r.at("/data/position").asInt()).isEqualTo(1);
        String cover = r.text("/data/cover_image");
        assertThat(cover).startsWith(PUBLIC_URL + "/api/v1/media/blog/").endsWith(".png");
        assertThat(http.get(cover.substring(PUBLIC_URL.length())).raw().body()).isEqualTo(PNG);

        int bare = section(post, "Sans image", null);
        assertThat(http.get("/api/v1/blog/posts/" + post + "/sections", Options.bearer(editor())).at("/data/1/cover_image").isNull())
                .isTrue();
        assertThat(bare).isPositive();
    }

    @Test
    void whenASectionMovesThenPositionsAreRenumberedWithoutGapsOrTies() {
        int post = publishedPost(unique("Déplacements"), createCategory(unique("Sections")));
        int a = section(post, "A", null);
        section(post, "B", null);
        section(post, "C", null);
        int d = section(post, "D", null);

        assertThat(update(a, Multipart.form().field("position", "3")).status()).isEqualTo(200);
        assertThat(order(post)).containsExactly("B1", "C2", "A3", "D4");
        Http.Response moved = update(d, Multipart.form().field("position", "1").field("title", "D2"));
        assertThat(moved.at("/data/position").asInt()).isEqualTo(1);
        assertThat(moved.text("/data/title")).isEqualTo("D2");
        assertThat(order(post)).containsExactly("D21", "B2", "C3", "A4");
        assertThat(update(a, Multipart.form().field("position", "50")).at("/data/position").asInt()).isEqualTo(4);
        assertThat(update(a, Multipart.form().field("content", "new")).at("/data/position").asInt()).isEqualTo(4);
        assertThat(order(post)).containsExactly("D21", "B2", "C3", "A4");
    }

    @Test
    void whenTheAdminAppSwapsTwoSectionsWithParallelRequestsThenTheSwapHolds() {
        int post = publishedPost(unique("Échange"), createCategory(unique("Sections")));
        int a = section(post, "A", null);
        int b = section(post, "B", null);
        section(post, "C", null);
        String token = editor();
        String cover = PUBLIC_URL + "/api/v1/media/blog/00000000-0000-0000-0000-000000000000.png";

        for (int round = 0; round < 5; round++) {
            int upper = round % 2 == 0 ? a : b;
            int lower = round % 2 == 0 ? b : a;
            CompletableFuture<Http.Response> first = CompletableFuture.supplyAsync(() -> new Http(port).put("/api/v1/blog/sections/" + lower,
                    Multipart.form().field("title", "x").field("position", "1").field("post_id", String.valueOf(post))
                            .field("cover_image", cover), Options.bearer(token)));
            CompletableFuture<Http.Response> second = CompletableFuture.supplyAsync(() -> new Http(port).put("/api/v1/blog/sections/" + upper,
                    Multipart.form().field("position", "2").field("post_id", String.valueOf(post)), Options.bearer(token)));
            assertThat(first.join().status()).isEqualTo(200);
            assertThat(second.join().status()).isEqualTo(200);
            List<Integer> ids = sectionIds(post);
            assertThat(ids.subList(0, 2)).containsExactly(lower, upper);
            assertThat(positions(post)).containsExactly(1, 2, 3);
        }
    }

    @Test
    void whenASectionMovesToAnotherPostThenBothPostsAreRenumbered() {
        int category = createCategory(unique("Sections"));
        int from = publishedPost(unique("Départ"), category);
        int to = publishedPost(unique("Arrivée"), category);
        section(from, "A", null);
        int b = section(from, "B", null);
        section(from, "C", null);
        section(to, "X", null);
        section(to, "Y", null);

        Http.Response moved = update(b, Multipart.form().field("post_id", String.valueOf(to)).field("position", "2"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.at("/data/post_id").asInt()).isEqualTo(to);
        assertThat(order(from)).containsExactly("A1", "C2");
        assertThat(order(to)).containsExactly("X1", "B2", "Y3");

        Http.Response toEnd = update(b, Multipart.form().field("post_id", String.valueOf(from)));
        assertThat(toEnd.at("/data/position").asInt()).isEqualTo(3);
        assertThat(order(to)).containsExactly("X1", "Y2");
    }

    @Test
    void whenASectionIsDeletedThenTheGapIsClosedAndItIsGone() {
        int post = publishedPost(unique("Suppressions"), createCategory(unique("Sections")));
        section(post, "A", null);
        int b = section(post, "B", null);
        section(post, "C", null);

        Http.Response deleted = http.delete("/api/v1/blog/sections/" + b, Options.bearer(editor()));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.text("/message")).isEqualTo("Section deleted successfully");
        assertThat(deleted.at("/data/id").asInt()).isEqualTo(b);
        assertThat(order(post)).containsExactly("A1", "C2");
        assertThat(jdbc.sql("SELECT count(*) FROM post_sections WHERE id = :id").param("id", b).query(Long.class).single()).isZero();

        Http.Response again = http.delete("/api/v1/blog/sections/" + b, Options.bearer(editor()));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("/error_code")).isEqualTo("post_section_not_found");
    }

    @Test
    void whenLegacySectionsShareAPositionThenTheyAreReadByIdAndRenumberedOnTheNextChange() {
        int post = publishedPost(unique("Héritage"), createCategory(unique("Sections")));
        List<Integer> legacy = new ArrayList<>();
        for (String title : List.of("L1", "L2", "L3")) {
            legacy.add(jdbc.sql("""
                    INSERT INTO post_sections (created_at, updated_at, title, content, section_style, position, post_id)
                    VALUES (now(), now(), :t, 'c', '', 1, :post) RETURNING id""").param("t", title).param("post", post)
                    .query(Integer.class).single());
        }
        assertThat(sectionIds(post)).containsExactlyElementsOf(legacy);
        assertThat(positions(post)).containsExactly(1, 1, 1);

        section(post, "N", 2);
        assertThat(order(post)).containsExactly("L11", "N2", "L23", "L34");
    }

    @Test
    void whenThePostIsUnknownOrDeletedThenSectionWritesAnswerPostNotFound() {
        int category = createCategory(unique("Sections"));
        int deletedPost = draft(unique("Supprimé"), category).at("/data/id").asInt();
        int live = draft(unique("Vivant"), category).at("/data/id").asInt();
        int s = section(live, "S", null);
        http.delete("/api/v1/blog/posts/" + deletedPost, Options.bearer(editor()));

        for (String postId : List.of("999999", String.valueOf(deletedPost))) {
            Http.Response create = http.post("/api/v1/blog/sections", Multipart.form().field("title", "T").field("content", "c")
                    .field("post_id", postId), Options.bearer(editor()));
            assertThat(create.status()).as(postId).isEqualTo(400);
            assertThat(create.text("/error_code")).isEqualTo("post_not_found");
            Http.Response move = update(s, Multipart.form().field("post_id", postId));
            assertThat(move.status()).isEqualTo(400);
            assertThat(move.text("/error_code")).isEqualTo("post_not_found");
        }
        assertThat(order(live)).containsExactly("S1");
    }

    @Test
    void whenTheSectionIsUnknownOrTheInputIsInvalidThenTheAnswerSaysWhy() {
        int post = draft(unique("Invalide"), createCategory(unique("Sections"))).at("/data/id").asInt();
        Http.Response unknown = update(999_999, Multipart.form().field("title", "T"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("/error_code")).isEqualTo("post_section_not_found");
        assertThat(unknown.text("/message")).isEqualTo("Post section not found");

        Map<String, Multipart> missing = Map.of(
                "title", Multipart.form().field("content", "c").field("post_id", String.valueOf(post)),
                "content", Multipart.form().field("title", "T").field("post_id", String.valueOf(post)),
                "post_id", Multipart.form().field("title", "T").field("content", "c"));
        missing.forEach((field, form) -> {
            Http.Response r = http.post("/api/v1/blog/sections", form, Options.bearer(editor()));
            assertThat(r.status()).as(field).isEqualTo(422);
            assertThat(r.at("/error/0/loc").toString()).isEqualTo("[\"body\",\"" + field + "\"]");
        });
        Http.Response zero = http.post("/api/v1/blog/sections", Multipart.form().field("title", "T").field("content", "c")
                .field("position", "0").field("post_id", String.valueOf(post)), Options.bearer(editor()));
        assertThat(zero.status()).isEqualTo(422);
        assertThat(zero.at("/error/0/loc/1").asString()).isEqualTo("position");
        Http.Response text = http.post("/api/v1/blog/sections", Multipart.form().field("title", "T").field("content", "c")
                .field("position", "first").field("post_id", String.valueOf(post)), Options.bearer(editor()));
        assertThat(text.status()).isEqualTo(422);
        Http.Response fakeImage = http.post("/api/v1/blog/sections", Multipart.form().field("title", "T").field("content", "c")
                .field("post_id", String.valueOf(post)).file("cover_image", "s.png", "image/png", "GIF89a".getBytes()),
                Options.bearer(editor()));
        assertThat(fakeImage.status()).isEqualTo(400);
        assertThat(fakeImage.text("/error_code")).isEqualTo("invalid_file");
        assertThat(order(post)).isEmpty();
        assertThat(http.delete("/api/v1/blog/sections/abc", Options.bearer(editor())).status()).isEqualTo(422);
    }

    @Test
    void whenTheCoverOfASectionIsReplacedThenTheOldFileIsRemoved() {
        int post = draft(unique("Images"), createCategory(unique("Sections"))).at("/data/id").asInt();
        Http.Response created = http.post("/api/v1/blog/sections", Multipart.form().field("title", "T").field("content", "c")
                .field("post_id", String.valueOf(post)).file("cover_image", "a.png", "image/png", PNG), Options.bearer(editor()));
        int id = created.at("/data/id").asInt();
        String old = created.text("/data/cover_image").substring(PUBLIC_URL.length());

        Http.Response replaced = update(id, Multipart.form().file("cover_image", "b.jpg", "image/jpeg", JPEG));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.text("/data/title")).isEqualTo("T");
        assertThat(http.get(old).status()).isEqualTo(404);
        String current = replaced.text("/data/cover_image").substring(PUBLIC_URL.length());
        assertThat(http.get(current).status()).isEqualTo(200);

        http.delete("/api/v1/blog/sections/" + id, Options.bearer(editor()));
        assertThat(http.get(current).status()).isEqualTo(404);
    }

    @Test
    void whenTheCallerLacksUpdateBlogThenSectionWritesAreRefused() {
        int post = draft(unique("Droits"), createCategory(unique("Sections"))).at("/data/id").asInt();
        int s = section(post, "S", null);
        String creatorOnly = staffWith("can_create_blog", "can_view_blog");
        Multipart form = Multipart.form().field("title", "T").field("content", "c").field("post_id", String.valueOf(post));

        assertThat(http.post("/api/v1/blog/sections", form, new Options()).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/blog/sections", form, Options.bearer(creatorOnly)).status()).isEqualTo(403);
        assertThat(http.put("/api/v1/blog/sections/" + s, Multipart.form().field("title", "X"), Options.bearer(creatorOnly)).status())
                .isEqualTo(403);
        assertThat(http.delete("/api/v1/blog/sections/" + s, Options.bearer(creatorOnly)).status()).isEqualTo(403);
        assertThat(order(post)).containsExactly("S1");
    }

    private int section(int post, String title, Integer position) {
        Multipart form = Multipart.form().field("title", title).field("content", "Contenu " + title).field("post_id", String.valueOf(post));
        if (position != null) {
            form.field("position", String.valueOf(position));
        }
        Http.Response r = http.post("/api/v1/blog/sections", form, Options.bearer(editor()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.at("/data/id").asInt();
    }

    private Http.Response update(int section, Multipart form) {
        return http.put("/api/v1/blog/sections/" + section, form, Options.bearer(editor()));
    }

    /** Titles followed by positions, in reading order. */
    private List<String> order(int post) {
        List<String> order = new ArrayList<>();
        http.get("/api/v1/blog/posts/" + post + "/sections", Options.bearer(editor())).at("/data")
                .forEach(s -> order.add(s.at("/title").asString() + s.at("/position").asInt()));
        return order;
    }

    private List<Integer> sectionIds(int post) {
        List<Integer> ids = new ArrayList<>();
        http.get("/api/v1/blog/posts/" + post + "/sections", Options.bearer(editor())).at("/data").forEach(s -> ids.add(s.at("/id").asInt()));
        return ids;
    }

    private List<Integer> positions(int post) {
        List<Integer> positions = new ArrayList<>();
        http.get("/api/v1/blog/posts/" + post + "/sections", Options.bearer(editor())).at("/data")
                .forEach(s -> positions.add(s.at("/position").asInt()));
        return positions;
    }
}

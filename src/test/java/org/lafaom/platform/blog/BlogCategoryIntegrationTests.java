package org.lafaom.platform.blog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.Http.Options;

class BlogCategoryIntegrationTests extends BlogIntegrationTest {

    @Test
    void whenCategoryIsCreatedThenItsSlugFollowsPythonSlugifyAndItIsReadPublicly() {
        String suffix = unique("x").substring(2);
        Http.Response created = http.post("/api/v1/blog/categories",
                Map.of("title", "Été à Dakar " + suffix, "description", "Actualités"), Options.bearer(editor()));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.text("/message")).isEqualTo("Category created successfully");
        assertThat(created.text("/data/slug")).isEqualTo("ete-a-dakar-" + suffix);
        assertThat(created.text("/data/title")).isEqualTo("Été à Dakar " + suffix);
        assertThat(created.text("/data/description")).isEqualTo("Actualités");
        assertThat(created.at("/data").has("created_at")).isTrue();
        assertThat(created.at("/data").has("updated_at")).isTrue();
        int id = created.at("/data/id").asInt();

        Http.Response one = http.get("/api/v1/blog/categories/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.text("/message")).isEqualTo("Category fetched successfully");
        assertThat(one.text("/data/slug")).isEqualTo("ete-a-dakar-" + suffix);

        Http.Response all = http.get("/api/v1/blog/categories?_t=1");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.at("/success").asBoolean()).isTrue();
        List<String> titles = new ArrayList<>();
        all.at("/data").forEach(c -> titles.add(c.at("/title").asString()));
        assertThat(titles).contains("Été à Dakar " + suffix).isSorted();
    }

    @Test
    void whenCategoryIsUnknownThenGetAnswers404AndWritesAnswer400() {
        Http.Response get = http.get("/api/v1/blog/categories/999999");
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.text("/error_code")).isEqualTo("category_not_found");
        assertThat(get.text("/message")).isEqualTo("Category not found");
        assertThat(get.at("/success").asBoolean()).isFalse();

        Http.Response put = http.put("/api/v1/blog/categories/999999", Map.of("title", "T"), Options.bearer(editor()));
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.text("/error_code")).isEqualTo("category_not_found");

        Http.Response delete = http.delete("/api/v1/blog/categories/999999", Options.bearer(editor()));
        assertThat(delete.status()).isEqualTo(400);
        assertThat(delete.text("/error_code")).isEqualTo("category_not_found");

        Http.Response notANumber = http.get("/api/v1/blog/categories/abc");
        assertThat(notANumber.status()).isEqualTo(422);
        assertThat(notANumber.text("/error_code")).isEqualTo("validation_error");
    }

    @Test
    void whenSlugIsTakenThenCreateSaysCategorySlugTakenAndUpdateSaysCategoryAlreadyExists() {
        String title = unique("Santé publique");
        int first = createCategory(title);
        int other = createCategory(unique("Autre"));

        Http.Response again = http.post("/api/v1/blog/categories",
                Map.of("title", title.toUpperCase(), "description", "d"), Options.bearer(editor()));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("/error_code")).isEqualTo("category_slug_taken");
        assertThat(again.text("/message")).isEqualTo("Category slug already exists");

        Http.Response rename = http.put("/api/v1/blog/categories/" + other, Map.of("title", title), Options.bearer(editor()));
        assertThat(rename.status()).isEqualTo(400);
        assertThat(rename.text("/error_code")).isEqualTo("category_already_exists");

        Http.Response sameTitle = http.put("/api/v1/blog/categories/" + first, Map.of("title", title, "description", "new"),
                Options.bearer(editor()));
        assertThat(sameTitle.status()).isEqualTo(200);
        assertThat(sameTitle.text("/data/description")).isEqualTo("new");
    }

    @Test
    void whenTwoStaffCreateTheSameCategoryAtOnceThenExactlyOneWins() throws Exception {
        String title = unique("Course");
        String token = editor();
        Map<Integer, Integer> statuses = new HashMap<>();
        for (Http.Response r : atOnce(8, () -> new Http(port).post("/api/v1/blog/categories",
                Map.of("title", title, "description", "d"), Options.bearer(token)))) {
            statuses.merge(r.status(), 1, Integer::sum);
            if (r.status() == 400) {
                assertThat(r.text("/error_code")).isEqualTo("category_slug_taken");
            }
        }
        assertThat(statuses).containsEntry(200, 1).containsEntry(400, 7);
        assertThat(jdbc.sql("SELECT count(*) FROM post_categories WHERE title = :t AND delete_at IS NULL").param("t", title)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void whenCategoryIsDeletedThenItIsSoftDeletedItsPostsStayAndItsSlugIsFreeAgain() {
        String title = unique("Éphémère");
        int id = createCategory(title);
        int post = publishedPost(unique("Article"), id);

        Http.Response deleted = http.delete("/api/v1/blog/categories/" + id, Options.bearer(editor()));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.text("/message")).isEqualTo("Category deleted successfully");
        assertThat(deleted.at("/data/id").asInt()).isEqualTo(id);

        assertThat(http.get("/api/v1/blog/categories/" + id).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT delete_at IS NOT NULL FROM post_categories WHERE id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
        assertThat(http.get("/api/v1/blog/posts/" + post).status()).isEqualTo(200);
        assertThat(http.delete("/api/v1/blog/categories/" + id, Options.bearer(editor())).status()).isEqualTo(400);

        assertThat(createCategory(title)).isNotEqualTo(id);
    }

    @Test
    void whenCategoryIsUpdatedThenTitleAndSlugChangeAndEmptyFieldsKeepTheirValue() {
        int id = createCategory(unique("Ancien"));
        String title = unique("Nouveau titre");

        Http.Response r = http.put("/api/v1/blog/categories/" + id, Map.of("title", title), Options.bearer(editor()));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/message")).isEqualTo("Category updated successfully");
        assertThat(r.text("/data/title")).isEqualTo(title);
        assertThat(r.text("/data/slug")).isEqualTo(Slugs.slugify(title));
        assertThat(r.text("/data/description")).isEqualTo("d");

        Http.Response empty = http.put("/api/v1/blog/categories/" + id, Map.of("title", "", "extra", 1), Options.bearer(editor()));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.text("/data/title")).isEqualTo(title);
    }

    @Test
    void whenInputIsInvalidThenTheAnswerIs422NamingTheField() {
        Http.Response noTitle = http.post("/api/v1/blog/categories", Map.of("description", "d"), Options.bearer(editor()));
        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(noTitle.at("/error/0/loc/1").asString()).isEqualTo("title");

        Http.Response noDescription = http.post("/api/v1/blog/categories", Map.of("title", unique("T")), Options.bearer(editor()));
        assertThat(noDescription.status()).isEqualTo(422);
        assertThat(noDescription.at("/error/0/loc/1").asString()).isEqualTo("description");

        Http.Response punctuation = http.post("/api/v1/blog/categories", Map.of("title", "!!!", "description", "d"), Options.bearer(editor()));
        assertThat(punctuation.status()).isEqualTo(422);
        assertThat(punctuation.at("/error/0/loc/1").asString()).isEqualTo("title");

        Http.Response tooLong = http.post("/api/v1/blog/categories", Map.of("title", "a".repeat(256), "description", "d"),
                Options.bearer(editor()));
        assertThat(tooLong.status()).isEqualTo(422);

        Http.Response notJson = http.post("/api/v1/blog/categories", "{", Options.bearer(editor()));
        assertThat(notJson.status()).isEqualTo(422);
    }

    @Test
    void whenCallerLacksThePermissionThenWritesAreRefused() {
        int id = createCategory(unique("Protégée"));
        Map<String, String> body = Map.of("title", unique("T"), "description", "d");

        assertThat(http.post("/api/v1/blog/categories", body).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/blog/categories", body).text("/error_code")).isEqualTo("not_authenticated");
        String nobody = staffWithoutBlog();
        Http.Response create = http.post("/api/v1/blog/categories", body, Options.bearer(nobody));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.text("/error_code")).isEqualTo("access_denied");
        assertThat(http.put("/api/v1/blog/categories/" + id, body, Options.bearer(nobody)).status()).isEqualTo(403);
        assertThat(http.delete("/api/v1/blog/categories/" + id, Options.bearer(nobody)).status()).isEqualTo(403);
        assertThat(http.delete("/api/v1/blog/categories/" + id, new Options()).status()).isEqualTo(401);

        String creatorOnly = staffWith("can_create_blog");
        assertThat(http.put("/api/v1/blog/categories/" + id, body, Options.bearer(creatorOnly)).status()).isEqualTo(403);
        assertThat(http.delete("/api/v1/blog/categories/" + id, Options.bearer(creatorOnly)).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/blog/categories/" + id).status()).isEqualTo(200);
    }
}

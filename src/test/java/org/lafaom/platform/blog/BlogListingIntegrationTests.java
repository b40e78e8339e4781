package org.lafaom.platform.blog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lafaom.platform.blog.BlogPostIntegrationTests.ids;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.Http.Options;

class BlogListingIntegrationTests extends BlogIntegrationTest {

    @Test
    void whenListingThenTotalNumberCountsExactlyWhatIsListedOnEveryRoute() {
        int category = createCategory(unique("Totaux"));
        List<Integer> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            published.add(publishedPost(unique("Publié " + i), category));
        }
        List<Integer> drafts = List.of(draft(unique("Brouillon A"), category).at("/data/id").asInt(),
                draft(unique("Brouillon B"), category).at("/data/id").asInt());
        String q = "?category_id=" + category;

        Http.Response publicRoute = http.get("/api/v1/blog/get-published-posts" + q);
        assertPage(publicRoute, 1, 3, 3);
        assertThat(ids(publicRoute)).containsExactlyInAnyOrderElementsOf(published);
        assertPage(http.get("/api/v1/blog/get-published-posts" + q, Options.bearer(editor())), 1, 3, 3);
        assertPage(http.get("/api/v1/blog/posts" + q), 1, 3, 3);
        assertPage(http.get("/api/v1/blog/posts" + q, Options.bearer(writerWithoutView())), 1, 3, 3);

        Http.Response staff = http.get("/api/v1/blog/posts" + q, Options.bearer(editor()));
        assertPage(staff, 1, 5, 5);
        Http.Response onlyDrafts = http.get("/api/v1/blog/posts" + q + "&is_published=false", Options.bearer(editor()));
        assertPage(onlyDrafts, 1, 2, 2);
        assertThat(ids(onlyDrafts)).containsExactlyInAnyOrderElementsOf(drafts);
        assertPage(http.get("/api/v1/blog/posts" + q + "&is_published=true", Options.bearer(editor())), 1, 3, 3);
        assertPage(http.get("/api/v1/blog/posts" + q + "&is_published=false"), 1, 0, 0);
        assertPage(http.get("/api/v1/blog/get-published-posts" + q + "&is_published=false"), 1, 0, 0);

        assertPage(http.get("/api/v1/blog/get-published-posts" + q + "&page_size=2"), 1, 2, 3);
        assertPage(http.get("/api/v1/blog/get-published-posts" + q + "&page_size=2&page=2"), 2, 1, 3);
        assertPage(http.get("/api/v1/blog/get-published-posts" + q + "&page_size=2&page=3"), 3, 0, 3);
        Http.Response page = http.get("/api/v1/blog/get-published-posts" + q);
        assertThat(page.json().has("success")).isFalse();
    }

    @Test
    void whenFilteringByTagThenOnlyAWholeTagMatchesIgnoringCase() {
        int category = createCategory(unique("Étiquettes"));
        int art = createWithTags(category, "[\"art\",\"culture\"]");
        int smart = createWithTags(category, "[\"smart\",\"Santé\"]");
        String q = "/api/v1/blog/get-published-posts?category_id=" + category;

        assertThat(ids(http.get(q + "&tag=art"))).containsExactly(art);
        assertThat(ids(http.get(q + "&tag=ART"))).containsExactly(art);
        assertThat(ids(http.get(q + "&tag=ar"))).isEmpty();
        assertThat(ids(http.get(q + "&tag=sant%C3%A9"))).containsExactly(smart);
        assertThat(http.get(q + "&tag=art").at("/total_number").asInt()).isEqualTo(1);
        assertThat(ids(http.get(q + "&tag=%22art%22"))).isEmpty();
        assertThat(ids(http.get(q + "&tag="))).containsExactlyInAnyOrder(art, smart);
    }

    @Test
    void whenSearchingThenTitleSummaryAndAuthorMatchIgnoringCaseAndWildcardsAreLiteral() {
        int category = createCategory(unique("Recherche"));
        String marker = unique("Zebra").substring(6);
        int byTitle = publishedPost("Le " + marker + " du Sahel", category);
        int bySummary = draft(unique("Sans mot"), category).at("/data/id").asInt();
        http.put("/api/v1/blog/posts/" + bySummary, org.lafaom.platform.support.Multipart.form().field("summary", "Un " + marker.toUpperCase()
                + " passe").field("author_name", "100% Awa"), Options.bearer(editor()));
        http.post("/api/v1/blog/posts/" + bySummary + "/publish", java.util.Map.of(), Options.bearer(editor()));
        String q = "/api/v1/blog/get-published-posts?category_id=" + category + "&search=";

        assertThat(ids(http.get(q + marker.toLowerCase()))).containsExactlyInAnyOrder(byTitle, bySummary);
        assertThat(ids(http.get(q + "100%25"))).containsExactly(bySummary);
        assertThat(ids(http.get(q + "%25"))).containsExactly(bySummary);
        assertThat(ids(http.get(q + "_"))).isEmpty();
        assertThat(http.get(q + marker).at("/total_number").asInt()).isEqualTo(2);
    }

    @Test
    void whenOrderingThenOrderByAndAscApplyAndUnknownValuesAre422() {
        int category = createCategory(unique("Ordre"));
        int b = publishedPost("B " + unique("t"), category);
        int a = publishedPost("A " + unique("t"), category);
        int c = publishedPost("C " + unique("t"), category);
        String q = "/api/v1/blog/get-published-posts?category_id=" + category;

        assertThat(ids(http.get(q))).containsExactly(b, a, c);
        assertThat(ids(http.get(q + "&asc=desc"))).containsExactly(c, a, b);
        assertThat(ids(http.get(q + "&order_by=title"))).containsExactly(a, b, c);
        assertThat(ids(http.get(q + "&order_by=title&asc=desc"))).containsExactly(c, b, a);
        assertThat(ids(http.get(q + "&order_by=published_at&asc=desc"))).containsExactly(c, a, b);

        Http.Response badOrder = http.get(q + "&order_by=views");
        assertThat(badOrder.status()).isEqualTo(422);
        assertThat(badOrder.at("/error/0/loc/1").asString()).isEqualTo("order_by");
        assertThat(http.get(q + "&asc=sideways").status()).isEqualTo(422);
        assertThat(http.get(q + "&page=0").status()).isEqualTo(422);
        assertThat(http.get(q + "&page_size=0").status()).isEqualTo(422);
        Http.Response badCategory = http.get("/api/v1/blog/posts?category_id=abc");
        assertThat(badCategory.status()).isEqualTo(422);
        assertThat(badCategory.at("/error/0/loc").toString()).isEqualTo("[\"query\",\"category_id\"]");
        assertThat(http.get("/api/v1/blog/posts?is_published=maybe").status()).isEqualTo(422);
    }

    @Test
    void whenPageSizeIsAboveTheMaximumThenItIsServedAtTheMaximum() {
        int category = createCategory(unique("Beaucoup"));
        jdbc.sql("""
                INSERT INTO posts (created_at, updated_at, user_id, author_name, title, slug, cover_image, published_at, tags, category_id)
                SELECT now(), now(), (SELECT id FROM users LIMIT 1), 'A', 'Bulk ' || n, :prefix || n, 'c', now(), '[]', :category
                FROM generate_series(1, 101) n""")
                .param("prefix", "bulk-" + category + "-").param("category", category).update();

        Http.Response r = http.get("/api/v1/blog/get-published-posts?page_size=1000&category_id=" + category);
        assertPage(r, 1, 100, 101);
        assertPage(http.get("/api/v1/blog/posts?page_size=1000&page=2&category_id=" + category), 2, 1, 101);
    }

    @Test
    void whenTheClientsSendTheirUsualExtraKeysThenTheyAreIgnored() {
        int category = createCategory(unique("Clients"));
        int id = publishedPost(unique("Visible"), category);

        Http.Response admin = http.get("/api/v1/blog/posts?_t=1712&params[page]=1&params[page_size]=20&category_id=" + category,
                Options.bearer(editor()));
        assertThat(admin.status()).isEqualTo(200);
        assertThat(ids(admin)).containsExactly(id);
        Http.Response site = http.get("/api/v1/blog/posts?per_page=5&page=1&published=true&sort_by=views&category_id=" + category);
        assertThat(site.status()).isEqualTo(200);
        assertThat(ids(site)).containsExactly(id);
    }

    private int createWithTags(int category, String tags) {
        Http.Response r = createPost(postForm(unique("Tagged"), category).field("tags", tags));
        int id = r.at("/data/id").asInt();
        http.post("/api/v1/blog/posts/" + id + "/publish", java.util.Map.of(), Options.bearer(editor()));
        return id;
    }

    private static void assertPage(Http.Response r, int page, int number, int total) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.at("/page").asInt()).isEqualTo(page);
        assertThat(r.at("/number").asInt()).isEqualTo(number);
        assertThat(r.at("/data").size()).isEqualTo(number);
        assertThat(r.at("/total_number").asInt()).isEqualTo(total);
    }
}

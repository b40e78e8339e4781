package org.lafaom.platform.blog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import tools.jackson.databind.JsonNode;

class BlogOpenApiIntegrationTests extends BlogIntegrationTest {

    @Test
    void whenTheOpenApiDocumentIsReadThenEveryBlogRouteAndItsFormFieldsAreThere() {
        Http.Response r = http.get("/v3/api-docs");
        JsonNode paths = r.at("/paths");
        for (String path : List.of("/api/v1/blog/categories", "/api/v1/blog/categories/{categoryId}", "/api/v1/blog/posts",
                "/api/v1/blog/get-published-posts", "/api/v1/blog/posts/{postId}", "/api/v1/blog/posts-by-slug/{postSlug}",
                "/api/v1/blog/posts/{postId}/sections", "/api/v1/blog/posts-by-slug/{postSlug}/sections", "/api/v1/blog/sections",
                "/api/v1/blog/sections/{sectionId}", "/api/v1/blog/posts/{postId}/publish")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        JsonNode create = paths.at("/~1api~1v1~1blog~1posts/post/requestBody/content/multipart~1form-data/schema");
        JsonNode schema = create.has("$ref")
                ? r.at("/components/schemas/" + create.at("/$ref").asString().substring("#/components/schemas/".length())) : create;
        assertThat(schema.at("/properties").has("tags")).isTrue();
        assertThat(schema.at("/properties").has("cover_image")).isTrue();
        assertThat(schema.at("/properties").has("author_name")).isTrue();
    }
}

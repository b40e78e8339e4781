package org.lafaom.platform.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document lists every contract route of the blog (18), job_offers (14) and cabinet (17)
 * areas (endpoints.md; path variables compared by position, not name), plus the campaign and
 * document routes added here, and shows the cabinet upload's form fields.
 */
class ContentAreasOpenApiIntegrationTests extends CabinetTest {

    private static final List<String> BLOG = List.of(
            "GET /api/v1/blog/categories", "GET /api/v1/blog/categories/{category_id}", "POST /api/v1/blog/categories",
            "PUT /api/v1/blog/categories/{category_id}", "DELETE /api/v1/blog/categories/{category_id}",
            "GET /api/v1/blog/posts", "GET /api/v1/blog/get-published-posts", "POST /api/v1/blog/posts",
            "GET /api/v1/blog/posts/{post_id}", "GET /api/v1/blog/posts-by-slug/{post_slug}", "PUT /api/v1/blog/posts/{post_id}",
            "DELETE /api/v1/blog/posts/{post_id}", "GET /api/v1/blog/posts/{post_id}/sections",
            "GET /api/v1/blog/posts-by-slug/{post_slug}/sections", "POST /api/v1/blog/sections",
            "PUT /api/v1/blog/sections/{section_id}", "DELETE /api/v1/blog/sections/{section_id}",
            "POST /api/v1/blog/posts/{post_id}/publish");
    private static final List<String> JOB_OFFERS = List.of(
            "GET /api/v1/job-offers", "POST /api/v1/job-offers", "GET /api/v1/job-offers/{job_offer_id}",
            "PUT /api/v1/job-offers/{job_offer_id}", "DELETE /api/v1/job-offers/{job_offer_id}", "GET /api/v1/job-applications",
            "POST /api/v1/job-applications/change-status", "POST /api/v1/job-applications",
            "GET /api/v1/job-applications/{application_id}", "POST /api/v1/job-attachments",
            "GET /api/v1/job-applications/{application_id}/attachments", "DELETE /api/v1/job-attachments/{attachment_id}",
            "POST /api/v1/job-applications/request-otp", "PUT /api/v1/job-applications/update-by-candidate");
    private static final List<String> CABINET = List.of(
            "POST /api/v1/cabinet-application", "GET /api/v1/cabinet-application/{application_id}",
            "GET /api/v1/cabinet-application/email/{email}", "PUT /api/v1/cabinet-application/{application_id}",
            "GET /api/v1/cabinet-application/{application_id}/payment-status", "POST /api/v1/cabinet-application/payment-webhook",
            "GET /api/v1/cabinet-application", "GET /api/v1/cabinet-application/paid",
            "GET /api/v1/cabinet-application/my-applications", "GET /api/v1/cabinet-application/stats/overview",
            "PATCH /api/v1/cabinet-application/{application_id}/approve", "PATCH /api/v1/cabinet-application/{application_id}/reject",
            "POST /api/v1/cabinet-application/fees", "GET /api/v1/cabinet-application/fees/{fee_id}",
            "PUT /api/v1/cabinet-application/fees/{fee_id}", "GET /api/v1/cabinet-application/fees",
            "POST /api/v1/cabinet-application/{application_id}/upload-document");
    private static final List<String> ADDED = List.of(
            "GET /api/v1/cabinet-application/campaigns", "POST /api/v1/cabinet-application/campaigns",
            "GET /api/v1/cabinet-application/campaigns/{campaign_id}", "PUT /api/v1/cabinet-application/campaigns/{campaign_id}",
            "GET /api/v1/cabinet-application/{application_id}/documents",
            "GET /api/v1/cabinet-application/{application_id}/documents/{document_id}");

    @Test
    void whenTheOpenApiDocumentIsReadThenTheBlogJobOfferAndCabinetAreasAreComplete() {
        Http.Response r = http.get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        List<String> documented = new ArrayList<>();
        r.at("/paths").properties().forEach(path -> path.getValue().properties().forEach(method ->
                documented.add(method.getKey().toUpperCase(Locale.ROOT) + " " + shape(path.getKey()))));
        assertThat(BLOG).hasSize(18);
        assertThat(JOB_OFFERS).hasSize(14);
        assertThat(CABINET).hasSize(17);
        for (List<String> area : List.of(BLOG, JOB_OFFERS, CABINET, ADDED)) {
            for (String route : area) {
                String[] parts = route.split(" ");
                assertThat(documented).as(route).contains(parts[0] + " " + shape(parts[1]));
            }
        }

        JsonNode schema = r.at("/paths/~1api~1v1~1cabinet-application~1{applicationId}~1upload-document/post/requestBody/content"
                + "/multipart~1form-data/schema");
        JsonNode form = schema.has("$ref")
                ? r.at("/components/schemas/" + schema.at("/$ref").asString().substring("#/components/schemas/".length())) : schema;
        assertThat(form.at("/properties/file/format").asString()).as(schema.toString()).isEqualTo("binary");
        assertThat(form.at("/properties").has("document_type")).isTrue();
    }

    /** A path with its variables' names blanked: {@code /a/{x}/b} → {@code /a/{}/b}. */
    private static String shape(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }
}

package org.lafaom.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.JobFlowTest;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document lists every contract route of the job offers and payments areas, with the upload's form. */
class JobsOpenApiIntegrationTests extends JobFlowTest {

    @Test
    void whenTheOpenApiDocumentIsReadThenEveryJobOfferAndPaymentRouteIsThere() {
        Http.Response r = http.get("/v3/api-docs");
        JsonNode paths = r.at("/paths");
        Map<String, String> routes = Map.ofEntries(
                Map.entry("/api/v1/job-offers", "get post"),
                Map.entry("/api/v1/job-offers/{jobOfferId}", "get put delete"),
                Map.entry("/api/v1/job-applications", "get post"),
                Map.entry("/api/v1/job-applications/change-status", "post"),
                Map.entry("/api/v1/job-applications/{applicationId}", "get"),
                Map.entry("/api/v1/job-attachments", "post"),
                Map.entry("/api/v1/job-applications/{applicationId}/attachments", "get"),
                Map.entry("/api/v1/job-attachments/{attachmentId}", "delete"),
                Map.entry("/api/v1/job-applications/request-otp", "post"),
                Map.entry("/api/v1/job-applications/update-by-candidate", "put"),
                Map.entry("/api/v1/payments/payments", "get"),
                Map.entry("/api/v1/payments/payments/{paymentId}", "get"),
                Map.entry("/api/v1/payments/payments-by-transaction/{transactionId}", "get"),
                Map.entry("/api/v1/payments/cinetpay/notify", "get post"),
                Map.entry("/api/v1/payments/check-status/{transactionId}", "get"));
        routes.forEach((path, methods) -> {
            for (String method : methods.split(" ")) {
                assertThat(paths.path(path).has(method)).as(method + " " + path).isTrue();
            }
        });
        JsonNode schema = paths.at("/~1api~1v1~1job-attachments/post/requestBody/content/multipart~1form-data/schema");
        JsonNode upload = schema.has("$ref")
                ? r.at("/components/schemas/" + schema.at("/$ref").asString().substring("#/components/schemas/".length())) : schema;
        assertThat(upload.at("/properties").has("name")).as(schema.toString()).isTrue();
        assertThat(upload.at("/properties/file/format").asString()).isEqualTo("binary");
    }
}

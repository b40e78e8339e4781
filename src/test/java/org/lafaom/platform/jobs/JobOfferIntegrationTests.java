package org.lafaom.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.JobFlowTest;

/** The five job offer routes: public reads, staff writes behind their permissions, validation. */
class JobOfferIntegrationTests extends JobFlowTest {

    private Map<String, Object> offerBody(String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("reference", reference);
        body.put("title", "Logisticien humanitaire");
        body.put("location", "Saint-Louis");
        body.put("postal_code", "32000");
        body.put("contract_type", "CDD");
        body.put("submission_deadline", LocalDate.now().plusDays(10).toString());
        body.put("submission_fee", 5000);
        body.put("currency", "XAF");
        body.put("salary", 450000);
        body.put("main_mission", "Gérer la chaîne d'approvisionnement");
        body.put("attachment", List.of("CV", "LETTER"));
        body.put("unknown_field", "ignored");
        return body;
    }

    private static String reference() {
        return "JO-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void whenStaffCreateReadUpdateAndDeleteAnOfferThenEachStepAnswersTheOffer() {
        String token = staffWith("can_create_job_offer", "can_update_job_offer", "can_delete_job_offer");
        String ref = reference();

        Http.Response created = http.post("/api/v1/job-offers", offerBody(ref), Http.Options.bearer(token));
        String id = created.text("/data/id");
        Http.Response read = http.get("/api/v1/job-offers/" + id);
        Http.Response updated = http.put("/api/v1/job-offers/" + id, Map.of("title", "Logisticien senior", "salary", 500000),
                Http.Options.bearer(token));
        Http.Response deleted = http.delete("/api/v1/job-offers/" + id, Http.Options.bearer(token));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.text("/message")).isEqualTo("Job offer created successfully");
        assertThat(created.at("/data/submission_fee").decimalValue()).isEqualByComparingTo("5000");
        assertThat(created.text("/data/currency")).isEqualTo("XAF");
        assertThat(created.at("/data/attachment/1").asString()).isEqualTo("LETTER");
        assertThat(created.at("/data/uncertain_term").asBoolean()).isFalse();
        assertThat(read.text("/data/reference")).isEqualTo(ref);
        assertThat(read.text("/message")).isEqualTo("Job offer fetched successfully");
        assertThat(updated.text("/data/title")).isEqualTo("Logisticien senior");
        assertThat(updated.text("/data/location")).isEqualTo("Saint-Louis");
        assertThat(updated.text("/message")).isEqualTo("Job offer updated successfully");
        assertThat(deleted.text("/data/id")).isEqualTo(id);
        assertThat(http.get("/api/v1/job-offers/" + id).text("/error_code")).isEqualTo("job_offer_not_found");
    }

    @Test
    void whenWritesComeWithoutTheirPermissionThenTheyAreRefused() {
        String token = staffWith();
        Http.Response created = http.post("/api/v1/job-offers", offerBody(reference()), Http.Options.bearer(adminToken()));
        String id = created.text("/data/id");

        assertThat(http.post("/api/v1/job-offers", offerBody(reference()), new Http.Options()).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/job-offers", offerBody(reference()), Http.Options.bearer(token)).status()).isEqualTo(403);
        assertThat(http.put("/api/v1/job-offers/" + id, Map.of("title", "x"), Http.Options.bearer(token)).status()).isEqualTo(403);
        assertThat(http.delete("/api/v1/job-offers/" + id, Http.Options.bearer(token)).status()).isEqualTo(403);
    }

    @Test
    void whenAReferenceIsAlreadyUsedByALiveOfferThenItIsRefused() {
        String token = adminToken();
        String ref = reference();
        String first = http.post("/api/v1/job-offers", offerBody(ref), Http.Options.bearer(token)).text("/data/id");
        String second = http.post("/api/v1/job-offers", offerBody(reference()), Http.Options.bearer(token)).text("/data/id");

        Http.Response duplicate = http.post("/api/v1/job-offers", offerBody(ref.toLowerCase()), Http.Options.bearer(token));
        Http.Response renamed = http.put("/api/v1/job-offers/" + second, Map.of("reference", ref), Http.Options.bearer(token));
        http.delete("/api/v1/job-offers/" + first, Http.Options.bearer(token));
        Http.Response reused = http.post("/api/v1/job-offers", offerBody(ref), Http.Options.bearer(token));

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.text("/error_code")).isEqualTo("job_offer_reference_taken");
        assertThat(renamed.text("/error_code")).isEqualTo("job_offer_reference_taken");
        assertThat(reused.status()).isEqualTo(200);
    }

    @Test
    void whenAnOfferIsInvalidThenItIsAValidationError() {
        String token = adminToken();
        Map<String, Object> negative = offerBody(reference());
        negative.put("submission_fee", -1);
        Map<String, Object> currency = offerBody(reference());
        currency.put("currency", "EURO");
        Map<String, Object> notIso = offerBody(reference());
        notIso.put("currency", "ABC");
        Map<String, Object> dates = offerBody(reference());
        dates.put("start_date", "2026-05-01");
        dates.put("end_date", "2026-04-01");
        Map<String, Object> missing = offerBody(reference());
        missing.remove("submission_deadline");

        for (Map<String, Object> body : List.of(negative, currency, notIso, dates, missing)) {
            Http.Response r = http.post("/api/v1/job-offers", body, Http.Options.bearer(token));
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.text("/error_code")).isEqualTo("validation_error");
        }
        assertThat(http.put("/api/v1/job-offers/" + UUID.randomUUID(), Map.of("title", "x"), Http.Options.bearer(token))
                .text("/error_code")).isEqualTo("job_offer_not_found");
        assertThat(http.delete("/api/v1/job-offers/" + UUID.randomUUID(), Http.Options.bearer(token)).status()).isEqualTo(400);
    }

    @Test
    void whenThePublicListsOffersThenFiltersOrderAndTotalsAgree() {
        String token = adminToken();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = offerBody(reference());
            body.put("title", "Poste " + tag + " " + i);
            body.put("salary", 100000 * (i + 1));
            body.put("contract_type", i == 0 ? "CDI" : "CDD");
            http.post("/api/v1/job-offers", body, Http.Options.bearer(token));
        }

        Http.Response all = http.get("/api/v1/job-offers?search=" + tag.toUpperCase() + "&order_by=salary&asc=desc&_t=1");
        Http.Response cdd = http.get("/api/v1/job-offers?search=" + tag + "&contract_type=cdd&salary_min=150000");
        Http.Response paged = http.get("/api/v1/job-offers?search=" + tag + "&page=2&page_size=2");

        assertThat(all.at("/total_number").asLong()).isEqualTo(3);
        assertThat(all.at("/data/0/salary").asDouble()).isEqualTo(300000.0);
        assertThat(cdd.at("/total_number").asLong()).isEqualTo(2);
        assertThat(paged.at("/page").asInt()).isEqualTo(2);
        assertThat(paged.at("/number").asInt()).isEqualTo(1);
        assertThat(paged.at("/total_number").asLong()).isEqualTo(3);
        assertThat(http.get("/api/v1/job-offers?page_size=101").status()).isEqualTo(422);
        assertThat(http.get("/api/v1/job-offers?order_by=reference").status()).isEqualTo(422);
    }
}

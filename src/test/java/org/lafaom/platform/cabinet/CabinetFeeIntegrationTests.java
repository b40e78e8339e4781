package org.lafaom.platform.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;

/** Fees and campaigns: CRUD that works, and the price an application is charged. */
class CabinetFeeIntegrationTests extends CabinetTest {

    private String manager() {
        return staffWith("can_manage_application_fee");
    }

    private String fee(String token, String amount, String currency) {
        Http.Response r = http.post(BASE + "/fees", Map.of("amount", new java.math.BigDecimal(amount), "currency", currency,
                "description", "Frais de candidature 2026"), bearer(token));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("/id");
    }

    @Test
    void whenStaffManageFeesThenCreateReadListAndUpdateWork() {
        String manager = manager();
        Http.Response created = http.post(BASE + "/fees", Map.of("amount", 75.5, "description", "Frais de candidature 2026"),
                bearer(manager));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("/id");
        assertThat(created.at("/amount").decimalValue()).isEqualByComparingTo("75.50");
        assertThat(created.text("/currency")).isEqualTo("EUR");
        assertThat(created.at("/is_active").asBoolean()).isTrue();
        assertThat(created.text("/created_at")).isNotBlank();

        assertThat(http.get(BASE + "/fees/" + id, bearer(manager)).text("/description")).isEqualTo("Frais de candidature 2026");
        Http.Response list = http.get(BASE + "/fees?skip=0&limit=1000&_t=1", bearer(manager));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();
        assertThat(list.json().valueStream().map(f -> f.path("id").asString())).contains(id);
        assertThat(http.get(BASE + "/fees", bearer(staffWith("can_view_cabinet_application"))).status()).isEqualTo(200);

        Http.Response updated = http.put(BASE + "/fees/" + id, Map.of("amount", 80, "currency", "xof", "is_active", false),
                bearer(manager));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.at("/amount").decimalValue()).isEqualByComparingTo("80");
        assertThat(updated.text("/currency")).isEqualTo("XOF");
        assertThat(updated.at("/is_active").asBoolean()).isFalse();
        assertThat(updated.text("/description")).isEqualTo("Frais de candidature 2026");
    }

    @Test
    void whenAFeeIsInvalidOrUnknownThenTheAnswerSaysSoAndNothingIsWritten() {
        String manager = manager();
        long before = jdbc.sql("SELECT count(*) FROM application_fees").query(Long.class).single();
        for (Map<String, Object> bad : new Map[] {
                Map.of("amount", 0, "description", "Frais de candidature"),
                Map.of("amount", -5, "description", "Frais de candidature"),
                Map.of("amount", 10, "description", "court"),
                Map.of("amount", 10.123, "description", "Frais de candidature"),
                Map.of("amount", 10, "currency", "EURO", "description", "Frais de candidature"),
                Map.of("description", "Frais de candidature")}) {
            Http.Response r = http.post(BASE + "/fees", bad, bearer(manager));
            assertThat(r.status()).as(bad.toString()).isEqualTo(422);
            assertThat(r.text("/detail")).startsWith("Validation error");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM application_fees").query(Long.class).single()).isEqualTo(before);
        Http.Response unknown = http.get(BASE + "/fees/" + UUID.randomUUID(), bearer(manager));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("/detail")).isEqualTo("Frais non trouvés");
        assertThat(http.put(BASE + "/fees/" + UUID.randomUUID(), Map.of("amount", 10), bearer(manager)).status()).isEqualTo(404);
        String id = fee(manager, "10", "EUR");
        assertThat(http.put(BASE + "/fees/" + id, Map.of("description", "court"), bearer(manager)).status()).isEqualTo(422);
    }

    @Test
    void whenTheCallerLacksThePermissionThenFeesAndCampaignsAreRefused() {
        String student = staffWith();
        assertThat(http.post(BASE + "/fees", Map.of("amount", 10, "description", "Frais de candidature"), bearer(student)).status())
                .isEqualTo(403);
        assertThat(http.get(BASE + "/fees", bearer(student)).status()).isEqualTo(403);
        assertThat(http.get(BASE + "/fees").status()).isEqualTo(401);
        assertThat(http.get(BASE + "/campaigns", bearer(student)).status()).isEqualTo(403);
        String viewer = staffWith("can_view_cabinet_application");
        assertThat(http.post(BASE + "/fees", Map.of("amount", 10, "description", "Frais de candidature"), bearer(viewer)).status())
                .isEqualTo(403);
    }

    @Test
    void whenOneFeeIsActiveThenApplicationsCostItAndWithSeveralTheNewest() {
        String manager = manager();
        fee(manager, "40", "EUR");
        Http.Response r = applied(uniqueEmail("single-fee"));
        assertThat(r.at("/payment_amount").decimalValue()).isEqualByComparingTo("40");
        assertThat(CINETPAY.opened(r.text("/payment_reference")).amount()).isEqualTo(27000);
        assertThat(r.at("/campaign_id").isNull()).isTrue();

        fee(manager, "30", "USD");
        Http.Response newest = applied(uniqueEmail("newest-fee"));
        assertThat(newest.at("/payment_amount").decimalValue()).isEqualByComparingTo("30");
        assertThat(newest.text("/payment_currency")).isEqualTo("USD");
        assertThat(CINETPAY.opened(newest.text("/payment_reference")).amount()).isEqualTo(18000);
    }

    @Test
    void whenACampaignRunsThenItsFeeSetsThePriceAndOutsideItsDatesItDoesNot() {
        String manager = manager();
        fee(manager, "40", "EUR");
        String campaignFee = fee(manager, "25", "EUR");
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("title", "Appel à cabinets 2026");
        campaign.put("description", "Recrutement de cabinets de conseil pour l'année 2026");
        campaign.put("start_date", LocalDate.now().minusDays(1) + "T00:00:00Z");
        campaign.put("end_date", LocalDate.now().plusDays(30).toString());
        campaign.put("application_fee_id", campaignFee);
        Http.Response created = http.post(BASE + "/campaigns", campaign, bearer(manager));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String campaignId = created.text("/id");
        assertThat(created.text("/application_fee/id")).isEqualTo(campaignFee);
        assertThat(created.at("/application_fee/amount").decimalValue()).isEqualByComparingTo("25");
        assertThat(created.at("/is_active").asBoolean()).isTrue();
        assertThat(created.text("/start_date")).isEqualTo(LocalDate.now().minusDays(1) + "T00:00:00Z");

        Http.Response priced = applied(uniqueEmail("campaign"));
        assertThat(priced.at("/payment_amount").decimalValue()).isEqualByComparingTo("25");
        assertThat(priced.text("/campaign_id")).isEqualTo(campaignId);

        assertThat(http.get(BASE + "/campaigns/" + campaignId, bearer(manager)).text("/title")).isEqualTo("Appel à cabinets 2026");
        assertThat(http.get(BASE + "/campaigns", bearer(manager)).json().valueStream().map(c -> c.path("id").asString()))
                .contains(campaignId);

        // Once it has ended and its fee is switched off, the remaining active fee sets the price again.
        Http.Response ended = http.put(BASE + "/campaigns/" + campaignId, Map.of("end_date",
                LocalDate.now().minusDays(1) + "T00:00:00"), bearer(manager));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        http.put(BASE + "/fees/" + campaignFee, Map.of("is_active", false), bearer(manager));
        assertThat(applied(uniqueEmail("after-campaign")).at("/payment_amount").decimalValue()).isEqualByComparingTo("40");
    }

    @Test
    void whenACampaignIsInvalidThenItIsRefused() {
        String manager = manager();
        String feeId = fee(manager, "20", "EUR");
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("title", "Appel à cabinets");
        base.put("description", "Recrutement de cabinets de conseil, session unique");
        base.put("start_date", "2026-03-01");
        base.put("end_date", "2026-02-01");
        base.put("application_fee_id", feeId);
        Http.Response reversed = http.post(BASE + "/campaigns", base, bearer(manager));
        assertThat(reversed.status()).isEqualTo(422);
        assertThat(reversed.text("/detail")).contains("end_date");
        base.put("end_date", "not a date");
        assertThat(http.post(BASE + "/campaigns", base, bearer(manager)).status()).isEqualTo(422);
        base.put("end_date", "2026-04-01");
        base.put("application_fee_id", UUID.randomUUID().toString());
        Http.Response unknownFee = http.post(BASE + "/campaigns", base, bearer(manager));
        assertThat(unknownFee.status()).isEqualTo(404);
        assertThat(unknownFee.text("/detail")).isEqualTo("Frais non trouvés");
        base.put("application_fee_id", feeId);
        base.put("title", "Ap");
        assertThat(http.post(BASE + "/campaigns", base, bearer(manager)).status()).isEqualTo(422);
        Http.Response unknown = http.get(BASE + "/campaigns/" + UUID.randomUUID(), bearer(manager));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("/detail")).isEqualTo("Campagne non trouvée");
    }
}

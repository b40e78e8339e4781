package org.lafaom.platform.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import tools.jackson.databind.JsonNode;

/** Staff lists, the firm's own list and the statistics; the literal paths are not shadowed by /{application_id}. */
class CabinetListIntegrationTests extends CabinetTest {

    private static List<String> ids(Http.Response r) {
        return r.json().valueStream().map(a -> a.path("id").asString()).toList();
    }

    @Test
    void whenStaffListApplicationsThenTheyAreNewestFirstFilteredByStatusAndWindowed() {
        String older = applied(uniqueEmail("list-a")).text("/id");
        String paid = paidApplication(uniqueEmail("list-b"));
        String newest = applied(uniqueEmail("list-c")).text("/id");
        String viewer = staffWith("can_view_cabinet_application");

        Http.Response all = http.get(BASE + "?_t=123&params[page]=1", bearer(viewer));
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().isArray()).isTrue();
        List<String> listed = ids(all);
        assertThat(listed.indexOf(newest)).isLessThan(listed.indexOf(paid));
        assertThat(listed.indexOf(paid)).isLessThan(listed.indexOf(older));

        List<String> pending = ids(http.get(BASE + "?status=pending&limit=1000", bearer(viewer)));
        assertThat(pending).contains(older, newest).doesNotContain(paid);
        assertThat(ids(http.get(BASE + "?status=PAID&limit=1000", bearer(viewer)))).contains(paid).doesNotContain(older);
        assertThat(ids(http.get(BASE + "?skip=0&limit=1", bearer(viewer)))).hasSize(1);

        Http.Response badStatus = http.get(BASE + "?status=archived", bearer(viewer));
        assertThat(badStatus.status()).isEqualTo(422);
        assertThat(badStatus.text("/detail")).contains("status must be one of pending, paid, approved, rejected, cancelled");
        assertThat(http.get(BASE + "?limit=0", bearer(viewer)).status()).isEqualTo(422);
        assertThat(http.get(BASE + "?limit=1001", bearer(viewer)).status()).isEqualTo(422);
        assertThat(http.get(BASE + "?skip=-1", bearer(viewer)).status()).isEqualTo(422);
        assertThat(http.get(BASE + "?skip=abc", bearer(viewer)).status()).isEqualTo(422);
        assertThat(http.get(BASE, bearer(staffWith())).status()).isEqualTo(403);
        assertThat(http.get(BASE).status()).isEqualTo(401);
    }

    @Test
    void whenStaffListPaidApplicationsThenOnlyPaidOnesComeLatestPaymentFirst() {
        String first = paidApplication(uniqueEmail("paid-1"));
        String unpaid = applied(uniqueEmail("paid-none")).text("/id");
        String second = paidApplication(uniqueEmail("paid-2"));
        String viewer = staffWith("can_view_cabinet_application");

        Http.Response r = http.get(BASE + "/paid?limit=1000", bearer(viewer));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> listed = ids(r);
        assertThat(listed).contains(first, second).doesNotContain(unpaid);
        assertThat(listed.indexOf(second)).isLessThan(listed.indexOf(first));
        r.json().valueStream().forEach(a -> assertThat(a.path("payment_status").asString()).isEqualTo("paid"));
        assertThat(http.get(BASE + "/paid", bearer(staffWith())).status()).isEqualTo(403);
    }

    @Test
    void whenASignedInPersonAsksForTheirApplicationsThenOnlyThoseOfTheirAccountOrEmailComeBack() {
        String email = uniqueEmail("mine");
        createUser(email, "Mine-Password-1", "staff");
        String token = login(email, "Mine-Password-1");
        Http.Response unpaid = applied(email);
        String someoneElse = applied(uniqueEmail("not-mine")).text("/id");

        Http.Response r = http.get(BASE + "/my-applications", bearer(token));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(ids(r)).containsExactly(unpaid.text("/id")).doesNotContain(someoneElse);
        assertThat(r.at("/0/payment_url").asString()).isEqualTo(unpaid.text("/payment_url"));
        // Signed in, the firm also reads its application without the token.
        assertThat(http.get(BASE + "/" + unpaid.text("/id"), bearer(token)).status()).isEqualTo(200);
        assertThat(http.get(BASE + "/" + someoneElse, bearer(token)).status()).isEqualTo(404);

        assertThat(http.get(BASE + "/my-applications", bearer(staffWith())).json().size()).isZero();
        assertThat(http.get(BASE + "/my-applications").status()).isEqualTo(401);
    }

    @Test
    void whenStaffReadTheStatisticsThenTheyMatchTheTable() {
        paidApplication(uniqueEmail("stats-paid"));
        applied(uniqueEmail("stats-pending"));
        String viewer = staffWith("can_view_cabinet_application");

        Http.Response r = http.get(BASE + "/stats/overview", bearer(viewer));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode s = r.json();
        assertThat(s.path("total_applications").asLong()).isEqualTo(count("true"));
        assertThat(s.path("pending_applications").asLong()).isEqualTo(count("status = 'PENDING'"));
        assertThat(s.path("paid_applications").asLong()).isEqualTo(count("payment_status = 'PAID'"));
        assertThat(s.path("approved_applications").asLong()).isEqualTo(count("status = 'APPROVED'"));
        assertThat(s.path("rejected_applications").asLong()).isEqualTo(count("status = 'REJECTED'"));
        assertThat(s.path("paid_applications").asLong()).isPositive();
        BigDecimal revenue = jdbc.sql("""
                SELECT coalesce(sum(payment_amount::numeric), 0) FROM cabinet_applications
                WHERE payment_status = 'PAID' AND upper(payment_currency) = 'EUR'""").query(BigDecimal.class).single();
        assertThat(s.path("total_revenue").decimalValue()).isEqualByComparingTo(revenue);
        assertThat(s.path("currency").asString()).isEqualTo("EUR");
        assertThat(s.path("revenue_by_currency").path("EUR").decimalValue()).isEqualByComparingTo(revenue);
        assertThat(http.get(BASE + "/stats/overview", bearer(staffWith())).status()).isEqualTo(403);
    }

    private long count(String where) {
        return jdbc.sql("SELECT count(*) FROM cabinet_applications WHERE delete_at IS NULL AND " + where).query(Long.class).single();
    }
}

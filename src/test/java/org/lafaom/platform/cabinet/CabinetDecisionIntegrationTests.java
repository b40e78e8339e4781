package org.lafaom.platform.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.TestMail;

/** Staff decisions: approve only paid applications, reject pending or paid ones, e-mail the firm in its language. */
class CabinetDecisionIntegrationTests extends CabinetTest {

    @Test
    void whenAnUnpaidApplicationIsApprovedThenItIsRefusedAndUnchanged() {
        Http.Response app = applied(uniqueEmail("unpaid"));
        String staff = staffWith("can_change_cabinet_application_status");
        Http.Response r = http.patch(BASE + "/" + app.text("/id") + "/approve", null, bearer(staff));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("/error_code")).isEqualTo("cannot_approve_unpaid_application");
        assertThat(r.text("/detail")).isEqualTo("Seules les candidatures payées peuvent être approuvées");
        assertThat(dbStatus(app.text("/id"))).isEqualTo("PENDING/PENDING");
    }

    @Test
    void whenAPaidApplicationIsApprovedThenItIsApprovedOnceAndTheFirmIsToldInItsLanguage() {
        String email = uniqueEmail("approved");
        Http.Response app = apply(application(email), "en");
        String id = app.text("/id");
        pay(app.text("/payment_reference"));
        String staff = staffWith("can_change_cabinet_application_status");

        Http.Response r = http.patch(BASE + "/" + id + "/approve", null, bearer(staff));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.text("/status")).isEqualTo("approved");
        assertThat(r.text("/payment_status")).isEqualTo("paid");
        assertThat(r.json().has("success")).isFalse();
        assertThat(dbStatus(id)).isEqualTo("APPROVED/PAID");
        assertThat(jdbc.sql("SELECT decided_at IS NOT NULL FROM cabinet_applications WHERE id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
        MimeMessage mail = mailWithSubject(email, "approved");
        assertThat(TestMail.subject(mail)).isEqualTo("Your firm's application is approved");

        Http.Response twice = http.patch(BASE + "/" + id + "/approve", null, bearer(staff));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("/detail")).contains("déjà approuvée");
        Http.Response rejectApproved = http.patch(BASE + "/" + id + "/reject", Map.of("reason", "Trop tard"), bearer(staff));
        assertThat(rejectApproved.status()).isEqualTo(409);
        assertThat(rejectApproved.text("/detail")).isEqualTo("Seules les candidatures en attente ou payées peuvent être rejetées");
        assertThat(TestMail.to(email).stream().filter(m -> TestMail.subject(m).contains("approved"))).hasSize(1);
    }

    @Test
    void whenAnApplicationIsRejectedThenTheReasonIsKeptApartFromTheQualificationsAndMailed() {
        String email = uniqueEmail("rejected");
        String id = paidApplication(email);
        String staff = staffWith("can_change_cabinet_application_status");

        // The admin app sends the reason as a JSON body.
        Http.Response r = http.patch(BASE + "/" + id + "/reject", Map.of("reason", "Références insuffisantes"), bearer(staff));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.text("/status")).isEqualTo("rejected");
        assertThat(r.text("/rejection_reason")).isEqualTo("Références insuffisantes");
        assertThat(r.text("/qualifications")).isEqualTo("ISO 9001, audit financier");
        assertThat(dbStatus(id)).isEqualTo("REJECTED/PAID");
        MimeMessage mail = mailWithSubject(email, "n'est pas retenue");
        assertThat(TestMail.body(mail)).contains("Références insuffisantes");

        // The old query parameter works too, and with no reason the e-mail says so.
        String other = uniqueEmail("rejected-query");
        Http.Response pending = applied(other);
        Http.Response byQuery = http.patch(BASE + "/" + pending.text("/id") + "/reject?reason=Dossier%20incomplet", null, bearer(staff));
        assertThat(byQuery.text("/rejection_reason")).isEqualTo("Dossier incomplet");
        String third = uniqueEmail("rejected-none");
        Http.Response none = http.patch(BASE + "/" + applied(third).text("/id") + "/reject", null, bearer(staff));
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.at("/rejection_reason").isNull()).isTrue();
        assertThat(TestMail.body(mailWithSubject(third, "n'est pas retenue"))).contains("non précisé");
        Http.Response tooLong = http.patch(BASE + "/" + applied(uniqueEmail("long")).text("/id") + "/reject",
                Map.of("reason", "x".repeat(2001)), bearer(staff));
        assertThat(tooLong.status()).isEqualTo(422);
    }

    @Test
    void whenTheCallerLacksThePermissionThenDecisionsAreRefused() {
        String id = applied(uniqueEmail("guarded")).text("/id");
        Http.Response anonymous = http.patch(BASE + "/" + id + "/approve", null, Http.Options.from(newAddress()));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text("/error_code")).isEqualTo("not_authenticated");
        String viewer = staffWith("can_view_cabinet_application", "can_change_job_application_status");
        Http.Response forbidden = http.patch(BASE + "/" + id + "/reject", Map.of("reason", "non"), bearer(viewer));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text("/error_code")).isEqualTo("access_denied");
        assertThat(dbStatus(id)).isEqualTo("PENDING/PENDING");
    }
}

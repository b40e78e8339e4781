package org.lafaom.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Eventually;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.JobFlowTest;
import org.lafaom.platform.support.TestMail;

/** The candidate's code: request, one use, tries, expiry, revocation, rate limits, and what it unlocks. */
class CandidateAccessIntegrationTests extends JobFlowTest {

    private record Application(int id, String number, String email, String cvPath) {}

    private Application application() {
        String email = uniqueEmail("candidate");
        String cv = upload("CV");
        Http.Response r = apply(offer("0", "EUR", "CV"), email, List.of(document("CV", cv)));
        Eventually.await("confirmation", () -> TestMail.to(email).size() == 1);
        return new Application(r.at("/data/job_application/id").asInt(), r.text("/data/job_application/application_number"), email, cv);
    }

    private Http.Response requestCode(String number, String email) {
        return http.post("/api/v1/job-applications/request-otp", Map.of("application_number", number, "email", email),
                Http.Options.from(newAddress()));
    }

    private String code(Application a) {
        int before = TestMail.to(a.email()).size();
        assertThat(requestCode(a.number(), a.email().toUpperCase()).status()).isEqualTo(200);
        Eventually.await("code e-mail", () -> TestMail.to(a.email()).size() > before);
        Matcher m = Pattern.compile("<strong[^>]*>(\\d{6})</strong>").matcher(TestMail.body(TestMail.to(a.email()).getLast()));
        assertThat(m.find()).as("a six-digit code in the e-mail").isTrue();
        return m.group(1);
    }

    private Http.Response update(Application a, String code, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(changes);
        body.put("application_number", a.number());
        body.put("email", a.email());
        body.put("otp_code", code);
        body.putIfAbsent("attachments", List.of());
        return http.put("/api/v1/job-applications/update-by-candidate", body, Http.Options.from(newAddress()));
    }

    @Test
    void whenACodeIsRequestedThenTheAnswerIsTheSameWhetherOrNotTheApplicationExists() {
        Application a = application();

        Http.Response known = requestCode(a.number(), a.email());
        Http.Response wrongEmail = requestCode(a.number(), uniqueEmail("stranger"));
        Http.Response unknown = requestCode("APP-NOPE-0001-20250101000000", a.email());

        assertThat(known.status()).isEqualTo(200);
        assertThat(known.json()).isEqualTo(wrongEmail.json()).isEqualTo(unknown.json());
        assertThat(known.text("/message")).isEqualTo("OTP code sent to your email address");
        assertThat(known.at("/data").isObject()).isTrue();
        assertThat(known.at("/data").size()).isZero();
        Eventually.await("one code e-mail", () -> TestMail.to(a.email()).size() == 2);
        assertThat(TestMail.subject(TestMail.to(a.email()).getLast())).isEqualTo("Code de mise à jour de votre candidature");
        Matcher sent = Pattern.compile("<strong[^>]*>(\\d{6})</strong>").matcher(TestMail.body(TestMail.to(a.email()).getLast()));
        assertThat(sent.find()).isTrue();
        String stored = jdbc.sql("SELECT code FROM job_application_codes WHERE application_id = :a AND active").param("a", a.id())
                .query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(sent.group(1));
    }

    @Test
    void whenTheCodeIsRightThenTheCandidateChangesTheirDetailsAndDocumentsOnceAndCanReadThem() throws Exception {
        Application a = application();
        String code = code(a);
        String newCv = upload("Nouveau CV");
        Path oldFile = Path.of(System.getProperty("java.io.tmpdir"), "lafaom-test-uploads", a.cvPath());

        Http.Response r = update(a, code, Map.of("phone_number", "+221781112233", "first_name", "Aïssatou", "city", "Thiès",
                "attachments", List.of(Map.of("name", "cv-2025.pdf", "type", "CV", "url", newCv))));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.text("/message")).isEqualTo("Application updated successfully");
        assertThat(r.text("/data/phone_number")).isEqualTo("+221781112233");
        assertThat(r.text("/data/first_name")).isEqualTo("Aïssatou");
        assertThat(r.text("/data/city")).isEqualTo("Thiès");
        assertThat(r.text("/data/last_name")).isEqualTo("Diop");
        assertThat(r.at("/data/attachments").size()).isEqualTo(1);
        assertThat(r.text("/data/attachments/0/file_path")).isEqualTo(newCv);
        URI link = URI.create(r.text("/data/attachments/0/download_url"));
        Http.Response file = http.get(link.getRawPath() + "?" + link.getRawQuery());
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.raw().body()).isEqualTo(PDF);
        Eventually.await("replaced file deleted", () -> !Files.exists(oldFile));

        Http.Response reused = update(a, code, Map.of("city", "Dakar"));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.text("/error_code")).isEqualTo("invalid_otp_or_application_not_found");
    }

    @Test
    void whenAStoredDocumentIsGoneThenItsLinkIsStillGivenAndSaysNotFound() throws Exception {
        Application a = application();
        Files.delete(Path.of(System.getProperty("java.io.tmpdir"), "lafaom-test-uploads", a.cvPath()));

        Http.Response r = update(a, code(a), Map.of());

        assertThat(r.status()).as("listing does not ask the storage about each file").isEqualTo(200);
        URI link = URI.create(r.text("/data/attachments/0/download_url"));
        Http.Response file = http.get(link.getRawPath() + "?" + link.getRawQuery());
        assertThat(file.status()).as("the jobs area answers not found as 400, as the contract does").isEqualTo(400);
        assertThat(file.text("/error_code")).isEqualTo("job_attachment_not_found");
    }

    @Test
    void whenAWrongCodeIsTriedFiveTimesThenEvenTheRightCodeIsRefused() {
        Application a = application();
        String code = code(a);
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 5; i++) {
            Http.Response r = update(a, wrong, Map.of());
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text("/error_code")).isEqualTo("invalid_otp_or_application_not_found");
        }
        Http.Response right = update(a, code, Map.of("city", "Ziguinchor"));

        assertThat(right.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT attempts FROM job_application_codes WHERE application_id = :a ORDER BY id DESC LIMIT 1")
                .param("a", a.id()).query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void whenTheCodeHasExpiredThenItIsRefused() {
        Application a = application();
        String code = code(a);
        jdbc.sql("UPDATE job_application_codes SET end_time = now() - interval '1 minute' WHERE application_id = :a")
                .param("a", a.id()).update();

        assertThat(update(a, code, Map.of()).text("/error_code")).isEqualTo("invalid_otp_or_application_not_found");
    }

    @Test
    void whenANewCodeIsSentThenTheEarlierOneNoLongerWorks() {
        Application a = application();
        String first = code(a);
        String second = code(a);

        assertThat(update(a, first, Map.of()).status()).isEqualTo(first.equals(second) ? 200 : 400);
        assertThat(update(a, second, Map.of()).status()).isEqualTo(first.equals(second) ? 400 : 200);
    }

    @Test
    void whenAChangeIsRefusedThenTheCodeIsNotUsedUp() {
        Application a = application();
        String code = code(a);

        Http.Response refused = update(a, code, Map.of("attachments",
                List.of(Map.of("name", "cv.pdf", "type", "CV", "url", "job-applications/00000000-0000-0000-0000-000000000000.pdf"))));
        Http.Response accepted = update(a, code, Map.of("city", "Kaolack"));

        assertThat(refused.text("/error_code")).isEqualTo("job_attachment_not_found");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.text("/data/city")).isEqualTo("Kaolack");
    }

    @Test
    void whenNoApplicationMatchesThenTheUpdateAnswersLikeAWrongCode() {
        Application a = application();
        Http.Response r = http.put("/api/v1/job-applications/update-by-candidate", Map.of("application_number", a.number(),
                "email", uniqueEmail("other"), "otp_code", "123456", "attachments", List.of()), Http.Options.from(newAddress()));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("/error_code")).isEqualTo("invalid_otp_or_application_not_found");
    }

    @Test
    void whenCodesAreRequestedTooOftenForOneApplicationThenTheRequestIsRateLimited() {
        Application a = application();
        for (int i = 0; i < 3; i++) {
            assertThat(requestCode(a.number(), a.email()).status()).isEqualTo(200);
        }

        Http.Response limited = requestCode(a.number(), a.email());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text("/error_code")).isEqualTo("too_many_requests");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
    }
}

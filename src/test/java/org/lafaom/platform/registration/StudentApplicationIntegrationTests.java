package org.lafaom.platform.registration;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Eventually;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.IntegrationTest;
import org.lafaom.platform.support.TestMail;
import org.lafaom.platform.support.TrainingFixtures;
import org.lafaom.platform.training.SessionParticipantJoined;
import org.lafaom.platform.training.SessionParticipantLeft;
import org.lafaom.platform.training.TrainingEventLog;
import org.springframework.beans.factory.annotation.Autowired;

/** The public application, the student's own routes and staff review, over HTTP with real e-mails. */
class StudentApplicationIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "Student-Pass-1";

    @Autowired
    TrainingEventLog events;

    TrainingFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new TrainingFixtures(http, adminToken());
    }

    @Test
    void whenAnUnknownPersonAppliesThenAnAccountIsOpenedAndTheOneTimeLinkSetsItsPassword() {
        String session = fx.openSession();
        String email = uniqueEmail("newcomer");
        Http.Response applied = fx.apply(email.toUpperCase(), session);

        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.text("/data/status")).isEqualTo("RECEIVED");
        assertThat(applied.text("/data/application_number")).matches("APP-TRAIN-\\d{4}-\\d{6}");
        assertThat(applied.text("/data/target_session_id")).isEqualTo(session);
        assertThat(applied.text("/data/training_session/id")).isEqualTo(session);
        assertThat(applied.text("/data/training/id")).isEqualTo(applied.text("/data/training_id"));
        assertThat(applied.text("/data/user_email")).isEqualTo(email);
        assertThat(jdbc.sql("SELECT user_type FROM users WHERE email = :e").param("e", email).query(String.class).single()).isEqualTo("student");

        Eventually.await("two e-mails", () -> TestMail.to(email).size() == 2);
        MimeMessage accountMail = TestMail.to(email).stream().filter(m -> TestMail.subject(m).contains("mot de passe")).findFirst().orElseThrow();
        String body = TestMail.body(accountMail);
        assertThat(body).contains(applied.text("/data/application_number")).contains(email);
        Matcher link = Pattern.compile("href=\"" + Pattern.quote(PUBLIC_URL) + "(/api/v1/auth/set-password\\?[^\"]+)\"").matcher(body);
        assertThat(link.find()).isTrue();
        String path = link.group(1).replace("&amp;", "&").replace("&#x3D;", "=");
        assertThat(TestMail.to(email).stream().map(TestMail::subject)).anyMatch(s -> s.contains("reçue"));

        Http.Response page = http.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Choisir votre mot de passe");
        String code = path.replaceAll(".*code=([A-Z0-9]+).*", "$1");
        Http.Response mismatch = http.postForm("/api/v1/auth/set-password", Map.of("email", email, "code", code, "password", PASSWORD,
                "password_confirm", "other-pass-1"), Http.Options.from(newAddress()));
        assertThat(mismatch.status()).isEqualTo(400);
        Http.Response saved = http.postForm("/api/v1/auth/set-password", Map.of("email", email, "code", code, "password", PASSWORD,
                "password_confirm", PASSWORD), Http.Options.from(newAddress()));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).contains("Mot de passe enregistré");
        assertThat(login(email, PASSWORD)).isNotBlank();
        Http.Response reused = http.postForm("/api/v1/auth/set-password", Map.of("email", email, "code", code, "password", "Another-Pass-2",
                "password_confirm", "Another-Pass-2"), Http.Options.from(newAddress()));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body()).contains("plus valable");
    }

    @Test
    void whenTheSessionCannotBeAppliedToThenNothingIsCreated() {
        String training = fx.training();
        String closed = fx.session(training, Map.of("status", "CLOSE_FOR_REGISTRATION"));
        String late = fx.session(training, Map.of("registration_deadline", LocalDate.now().minusDays(1).toString(),
                "start_date", LocalDate.now().minusDays(2).toString()));
        String full = fx.session(training, Map.of("available_slots", 0));
        long users = jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();

        assertRefused(fx.apply(uniqueEmail("a"), "no-such-session"), 404, "training_session_not_found");
        assertRefused(fx.apply(uniqueEmail("a"), closed), 400, "session_not_open");
        assertRefused(fx.apply(uniqueEmail("a"), late), 400, "registration_closed");
        assertRefused(fx.apply(uniqueEmail("a"), full), 400, "no_available_slots");
        assertThat(http.post("/api/v1/student-applications", Map.of("email", "not-an-email", "target_session_id", closed)).status())
                .isEqualTo(422);
        assertThat(http.post("/api/v1/student-applications", Map.of("email", uniqueEmail("a"))).status()).isEqualTo(422);

        assertThat(jdbc.sql("SELECT count(*) FROM users").query(Long.class).single()).isEqualTo(users);
    }

    @Test
    void whenSomeoneAppliesTwiceToTheSameSessionThenTheSecondIsRefusedButAnotherSessionIsFine() {
        String email = uniqueEmail("twice");
        String session = fx.openSession();
        assertThat(fx.apply(email, session).status()).isEqualTo(200);
        assertRefused(fx.apply(email, session), 409, "student_application_already_exists");
        assertThat(fx.apply(email, fx.openSession()).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = :e").param("e", email).query(Long.class).single()).isEqualTo(1);
        Eventually.await("one account e-mail only", () -> TestMail.to(email).size() == 3);
    }

    @Test
    void whenOneAddressAppliesTooOftenThenItIsThrottledWithRetryAfter() {
        String session = fx.openSession();
        String address = newAddress();
        Http.Response last = null;
        for (int i = 0; i < 11; i++) {
            last = http.post("/api/v1/student-applications", Map.of("email", uniqueEmail("burst"), "target_session_id", session),
                    Http.Options.from(address));
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.text("/error_code")).isEqualTo("too_many_requests");
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
    }

    @Test
    void whenAStudentUploadsSubmitsAndIsApprovedThenTheSlotIsTakenAndEveryChangeIsMailed() {
        String session = fx.session(fx.training(), Map.of("available_slots", 2, "required_attachments", List.of("CV", "Diplôme")));
        Student student = student();
        Http.Response applied = fx.apply(student.email, session);
        int id = applied.at("/data/id").asInt();

        Http.Response missing = http.post("/api/v1/my-student-applications/" + id + "/submit", Map.of(), student.auth());
        assertRefused(missing, 400, "missing_required_attachments");
        assertThat(missing.text("/message")).contains("CV").contains("Diplôme");

        Http.Response cv = fx.upload(student.token, id, "CV", TrainingFixtures.PDF);
        assertThat(cv.status()).as(cv.body()).isEqualTo(200);
        assertThat(cv.text("/data/document_type")).isEqualTo("CV");
        assertThat(cv.text("/data/file_path")).startsWith(PUBLIC_URL + "/api/v1/student-attachments/");
        assertThat(fx.upload(student.token, id, "Diplôme", TrainingFixtures.PDF).status()).isEqualTo(200);
        Http.Response replaced = fx.upload(student.token, id, "CV", TrainingFixtures.PDF);
        assertThat(http.get("/api/v1/my-student-applications/" + id + "/attachments", student.auth()).at("/data").size()).isEqualTo(2);

        Http.Response submitted = http.post("/api/v1/my-student-applications/" + id + "/submit",
                Map.of("payment_methods", List.of("MOBILE_MONEY"), "channels", "ALL"), student.auth());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.text("/data/message")).isEqualTo("No registration fee to pay");
        assertThat(submitted.at("/data/payment_link").isNull()).isTrue();
        assertRefused(http.post("/api/v1/my-student-applications/" + id + "/submit", Map.of(), student.auth()), 409, "invalid_status_transition");
        assertRefused(http.delete("/api/v1/my-student-attachments/" + replaced.at("/data/id").asInt(), student.auth()), 409,
                "invalid_status_transition");

        Http.Response approved = http.post("/api/v1/student-applications/" + id + "/status", Map.of("status", "APPROVED", "reason", ""),
                fx.admin());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("/data/status")).isEqualTo("APPROVED");
        assertThat(http.get("/api/v1/training-sessions/" + session).at("/data/available_slots").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/training-sessions/" + session + "/members", fx.admin()).at("/data/0/email").asString())
                .isEqualTo(student.email);
        assertThat(events.entries()).contains(new TrainingEventLog.Entry(new SessionParticipantJoined(session, student.id, id), true));
        assertRefused(http.post("/api/v1/student-applications/" + id + "/status", Map.of("status", "APPROVED", "reason", ""), fx.admin()),
                409, "invalid_status_transition");

        assertThat(http.post("/api/v1/student-applications/" + id + "/status", Map.of("status", "REFUSED"), fx.admin()).status())
                .isEqualTo(422);
        Http.Response refused = http.post("/api/v1/student-applications/" + id + "/status",
                Map.of("status", "REFUSED", "reason", "Dossier incomplet"), fx.admin());
        assertThat(refused.text("/data/refusal_reason")).isEqualTo("Dossier incomplet");
        assertThat(http.get("/api/v1/training-sessions/" + session).at("/data/available_slots").asInt()).isEqualTo(2);
        assertThat(events.entries()).contains(new TrainingEventLog.Entry(new SessionParticipantLeft(session, student.id, id), true));

        Eventually.await("received, submitted, approved, refused", () -> TestMail.to(student.email).size() == 4);
        assertThat(TestMail.to(student.email).stream().map(TestMail::subject))
                .anyMatch(s -> s.contains("reçue")).anyMatch(s -> s.contains("soumise"))
                .anyMatch(s -> s.contains("acceptée")).anyMatch(s -> s.contains("non retenue"));
        assertThat(TestMail.to(student.email).stream().map(TestMail::body)).anyMatch(b -> b.contains("Dossier incomplet"));
    }

    @Test
    void whenStaffSkipAStepOrApproveAnUnpaidApplicationThenTheyAreRefused() {
        String session = fx.session(fx.training(), Map.of("registration_fee", 5000));
        Student student = student();
        int id = fx.apply(student.email, session).at("/data/id").asInt();
        assertRefused(http.post("/api/v1/student-applications/" + id + "/status", Map.of("status", "APPROVED", "reason", ""), fx.admin()),
                409, "invalid_status_transition");
        assertThat(http.post("/api/v1/student-applications/" + id + "/status", Map.of("status", "DONE", "reason", ""), fx.admin()).status())
                .isEqualTo(422);

        Http.Response submitted = http.post("/api/v1/my-student-applications/" + id + "/submit", Map.of(), student.auth());
        assertThat(submitted.at("/data/amount").decimalValue()).isEqualByComparingTo("5000");
        assertThat(submitted.text("/data/payment_link")).startsWith("http");
        Http.Response again = http.post("/api/v1/my-student-applications/" + id + "/submit", Map.of(), student.auth());
        assertThat(again.status()).as("an unpaid fee may be asked for again").isEqualTo(200);
        assertThat(again.text("/data/transaction_id")).as("the payment in flight is handed back")
                .isEqualTo(submitted.text("/data/transaction_id"));

        assertRefused(http.post("/api/v1/student-applications/" + id + "/status", Map.of("status", "APPROVED", "reason", ""), fx.admin()),
                400, "cannot_approve_unpaid_application");
        assertThat(http.get("/api/v1/student-applications?is_paid=true&training_session_id=" + session, fx.admin()).at("/total_number").asLong())
                .isZero();
        markPaid(id);
        assertThat(http.get("/api/v1/student-applications?is_paid=true&training_session_id=" + session, fx.admin()).at("/total_number").asLong())
                .isEqualTo(1);
        assertThat(http.post("/api/v1/student-applications/" + id + "/status", Map.of("status", "APPROVED", "reason", ""), fx.admin()).status())
                .isEqualTo(200);

        Http.Response fee = http.post("/api/v1/my-student-applications/pay-training-fee",
                Map.of("training_session_id", session, "amount", 1000), student.auth());
        assertThat(fee.status()).as(fee.body()).isEqualTo(200);
        assertThat(fee.text("/data/payment_link")).startsWith("http");
        assertRefused(http.post("/api/v1/my-student-applications/pay-training-fee", Map.of("training_session_id", fx.openSession(),
                "amount", 1000), student.auth()), 400, "you_are_not_registered_for_this_training_session");
        assertThat(http.post("/api/v1/my-student-applications/pay-training-fee", Map.of("training_session_id", session, "amount", -1),
                student.auth()).status()).isEqualTo(422);
    }

    @Test
    void whenDocumentsAreWrongOrForeignThenTheyAreRefusedAndServedOnlyToOwnerAndStaff() {
        String session = fx.openSession();
        Student owner = student();
        Student other = student();
        int id = fx.apply(owner.email, session).at("/data/id").asInt();

        assertRefused(fx.upload(owner.token, id, "CV", "just text pretending to be a PDF".getBytes()), 400, "invalid_file");
        assertRefused(fx.upload(other.token, id, "CV", TrainingFixtures.PDF), 404, "student_application_not_found");
        assertThat(fx.upload(owner.token, id, " ", TrainingFixtures.PDF).status()).isEqualTo(422);
        assertThat(http.uploadForm("/api/v1/my-student-applications/" + id + "/attachments", Map.of("name", "CV"), "file", "x.pdf",
                "application/pdf", null, owner.auth()).status()).isEqualTo(422);
        byte[] huge = new byte[21 * 1024 * 1024];
        System.arraycopy(TrainingFixtures.PDF, 0, huge, 0, TrainingFixtures.PDF.length);
        assertThat(fx.upload(owner.token, id, "CV", huge).status()).isEqualTo(413);
        assertThat(jdbc.sql("SELECT count(*) FROM student_attachments WHERE application_id = :id").param("id", id).query(Long.class).single())
                .isZero();

        Http.Response stored = fx.upload(owner.token, id, "Pièce d'identité", TrainingFixtures.PDF);
        int attachment = stored.at("/data/id").asInt();
        String file = "/api/v1/student-attachments/" + attachment + "/file";
        Http.Response download = http.get(file, owner.auth());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.raw().body()).isEqualTo(TrainingFixtures.PDF);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(download.header("Cache-Control")).contains("no-store");
        assertThat(http.get(file, fx.admin()).status()).isEqualTo(200);
        assertThat(http.get(file, other.auth()).status()).isEqualTo(404);
        assertThat(http.get(file).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/my-student-applications/" + id + "/attachments", other.auth()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/my-student-applications/" + id + "/attachments").status())
                .as("anonymous, from another address than the one that applied").isEqualTo(404);
        assertThat(http.get("/api/v1/student-applications/" + id + "/attachments", fx.admin()).at("/data/0/document_type").asString())
                .isEqualTo("Pièce d'identité");
        assertThat(http.get("/api/v1/student-applications/" + id + "/attachments", owner.auth()).status()).isEqualTo(403);

        assertRefused(http.delete("/api/v1/my-student-attachments/" + attachment, other.auth()), 404, "student_attachment_not_found");
        assertThat(http.delete("/api/v1/my-student-attachments/" + attachment, owner.auth()).status()).isEqualTo(200);
        Eventually.await("file removed after commit", () -> http.get(file, owner.auth()).status() == 404);
    }

    @Test
    void whenAStudentManagesOwnApplicationsThenOnlyTheirsAreVisibleAndDecidedOnesStay() {
        String training = fx.training();
        String first = fx.session(training, Map.of());
        String second = fx.session(training, Map.of());
        Student student = student();
        Student other = student();
        int id = fx.apply(student.email, first).at("/data/id").asInt();
        fx.apply(other.email, first);

        Http.Response mine = http.get("/api/v1/my-student-applications?status=RECEIVED", student.auth());
        assertThat(mine.at("/total_number").asLong()).isEqualTo(1);
        assertThat(mine.text("/data/0/user_email")).isEqualTo(student.email);
        assertThat(mine.text("/data/0/training_title")).isNotBlank();
        assertThat(http.get("/api/v1/my-student-applications/" + id, other.auth()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/my-student-applications?status=NEW", student.auth()).status()).isEqualTo(422);
        assertThat(http.get("/api/v1/my-student-applications").status()).isEqualTo(401);

        Http.Response moved = http.put("/api/v1/my-student-applications/" + id, Map.of("email", student.email, "target_session_id", second),
                student.auth());
        assertThat(moved.text("/data/target_session_id")).isEqualTo(second);
        assertRefused(http.put("/api/v1/my-student-applications/" + id, Map.of("email", student.email, "target_session_id", "none"),
                student.auth()), 404, "training_session_not_found");

        Http.Response staffList = http.get("/api/v1/student-applications?training_id=" + training + "&order_by=created_at&asc=desc", fx.admin());
        assertThat(staffList.at("/total_number").asLong()).isEqualTo(2);
        assertThat(http.get("/api/v1/student-applications?search=" + student.email, fx.admin()).at("/total_number").asLong()).isEqualTo(1);
        assertThat(http.get("/api/v1/student-applications", student.auth()).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/student-applications/" + id, fx.admin()).text("/data/user_email")).isEqualTo(student.email);
        assertRefused(http.get("/api/v1/student-applications/999999", fx.admin()), 404, "student_application_not_found");

        assertThat(http.delete("/api/v1/my-student-applications/" + id, student.auth()).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/my-student-applications/" + id, student.auth()).status()).isEqualTo(404);
        assertThat(fx.apply(student.email, second).status()).as("a withdrawn application frees the session").isEqualTo(200);
    }

    @Test
    void whenStaffDeleteAnApprovedApplicationThenTheStudentLeavesTheSession() {
        String session = fx.session(fx.training(), Map.of("available_slots", 1));
        Student student = student();
        int id = fx.apply(student.email, session).at("/data/id").asInt();
        http.post("/api/v1/my-student-applications/" + id + "/submit", Map.of(), student.auth());
        http.post("/api/v1/student-applications/" + id + "/status", Map.of("status", "APPROVED", "reason", ""), fx.admin());
        assertThat(http.get("/api/v1/training-sessions/" + session).at("/data/available_slots").asInt()).isZero();
        assertRefused(http.delete("/api/v1/my-student-applications/" + id, student.auth()), 409, "invalid_status_transition");

        assertThat(http.delete("/api/v1/student-applications/" + id, fx.admin()).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/training-sessions/" + session).at("/data/available_slots").asInt()).isEqualTo(1);
        assertThat(events.of(SessionParticipantLeft.class)).contains(new SessionParticipantLeft(session, student.id, id));
        assertThat(http.get("/api/v1/training-sessions/" + session + "/members", fx.admin()).at("/data").size()).isZero();
        String busy = fx.openSession();
        applyAsNewcomer(busy);
        assertRefused(http.delete("/api/v1/training-sessions/" + busy, fx.admin()), 409, "has_dependents");
    }

    /** A signed-in student account (made by staff, as for a returning student). */
    record Student(String id, String email, String token) {
        Http.Options auth() {
            return Http.Options.bearer(token);
        }
    }

    Student student() {
        String email = uniqueEmail("student");
        String id = createUser(email, PASSWORD, "student");
        return new Student(id, email, login(email, PASSWORD));
    }

    String applyAsNewcomer(String session) {
        return fx.apply(uniqueEmail("x"), session).text("/data/id");
    }

    private void markPaid(int applicationId) {
        String payment = java.util.UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO payments (id, created_at, updated_at, transaction_id, product_amount, product_currency, payment_currency,
                    daily_rate, usd_product_currency_rate, usd_payment_currency_rate, status, payable_id, payable_type, payment_type_id,
                    payment_type)
                VALUES (:id, now(), now(), :id, 5000, 'XOF', 'XOF', 1, 1, 1, 'accepted', :app, 'StudentApplication', 'x', 'CinetPayPayment')""")
                .param("id", payment).param("app", String.valueOf(applicationId)).update();
        jdbc.sql("UPDATE student_applications SET payment_id = :p WHERE id = :id").param("p", payment).param("id", applicationId).update();
    }

    private static void assertRefused(Http.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.text("/success")).isEqualTo("false");
        assertThat(r.text("/error_code")).isEqualTo(code);
    }
}

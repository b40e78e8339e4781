package org.lafaom.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.Http.Options;
import org.lafaom.platform.support.IntegrationTest;
import org.lafaom.platform.support.TestMail;

class AccountRecoveryIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "Recovery-Pass-42";
    private static final String NEW_PASSWORD = "Recovered-Pass-43";

    @Test
    void whenPasswordIsForgottenThenTheMailedCodeSetsANewPasswordAndEndsOldSessions() {
        String email = uniqueEmail("forgot");
        createUser(email, PASSWORD, "student");
        String oldToken = login(email, PASSWORD);

        Http.Response asked = http.post("/api/v1/auth/password-forgotten", Map.of("email", email));
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.text("/data/email")).isEqualTo(email);
        assertThat(TestMail.subject(TestMail.to(email).getLast())).isEqualTo("Réinitialisation de votre mot de passe LAFAOM-MAO");

        Http.Response reset = http.post("/api/v1/auth/validate-password-forgotten-code",
                Map.of("email", email, "code", TestMail.lastCode(email), "password", NEW_PASSWORD), Options.from(newAddress()));

        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.text("/access_token/token")).isNotBlank();
        assertThat(http.get("/api/v1/auth/me", Options.bearer(reset.text("/access_token/token"))).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/auth/me", Options.bearer(oldToken)).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/auth/token", Map.of("email", email, "password", PASSWORD), Options.from(newAddress())).status()).isEqualTo(401);
        assertThat(login(email, NEW_PASSWORD)).isNotBlank();
    }

    @Test
    void whenTheAdminAppAliasIsUsedThenTheResetWorksTheSame() {
        String email = uniqueEmail("alias");
        createUser(email, PASSWORD, "student");
        http.post("/api/v1/auth/password-forgotten", Map.of("email", email));

        Http.Response reset = http.post("/api/v1/auth/validate-forgotten-code",
                Map.of("email", email, "code", TestMail.lastCode(email), "password", NEW_PASSWORD), Options.from(newAddress()));

        assertThat(reset.status()).isEqualTo(200);
        assertThat(login(email, NEW_PASSWORD)).isNotBlank();
    }

    @Test
    void whenAddressIsUnknownThenTheAnswerIsTheSameAndNoMailIsSent() {
        String email = uniqueEmail("ghost");
        Http.Response r = http.post("/api/v1/auth/password-forgotten", Map.of("email", email));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/message")).isEqualTo("Save successfully");
        assertThat(TestMail.to(email)).isEmpty();
    }

    @Test
    void whenResetCodeIsWrongExpiredOrTheNewPasswordWeakThenNothingChanges() {
        String email = uniqueEmail("reset-bad");
        createUser(email, PASSWORD, "student");
        http.post("/api/v1/auth/password-forgotten", Map.of("email", email));
        String code = TestMail.lastCode(email);

        Http.Response wrong = http.post("/api/v1/auth/validate-password-forgotten-code",
                Map.of("email", email, "code", "WRONG", "password", NEW_PASSWORD), Options.from(newAddress()));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text("/error_code")).isEqualTo("code_not_exist");

        Http.Response weak = http.post("/api/v1/auth/validate-password-forgotten-code",
                Map.of("email", email, "code", code, "password", "short"), Options.from(newAddress()));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.body()).doesNotContain("short");

        jdbc.sql("UPDATE forgotten_password_code SET end_time = now() - interval '1 minute' WHERE lower(email) = :e").param("e", email).update();
        Http.Response expired = http.post("/api/v1/auth/validate-password-forgotten-code",
                Map.of("email", email, "code", code, "password", NEW_PASSWORD), Options.from(newAddress()));
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.text("/error_code")).isEqualTo("code_has_expired");
        assertThat(login(email, PASSWORD)).isNotBlank();
    }

    @Test
    void whenEmailChangeIsConfirmedWithTheCodeSentToTheNewAddressThenTheAccountMoves() {
        String email = uniqueEmail("move");
        String newEmail = uniqueEmail("moved");
        createUser(email, PASSWORD, "student");
        String token = login(email, PASSWORD);

        Http.Response asked = http.post("/api/v1/auth/change-email", Map.of("email", newEmail, "password", PASSWORD), Options.bearer(token));
        assertThat(asked.status()).isEqualTo(200);
        assertThat(TestMail.to(newEmail)).hasSize(1);

        Http.Response confirmed = http.post("/api/v1/auth/validate-change-email-code",
                Map.of("email", newEmail, "code", TestMail.lastCode(newEmail)), Options.bearer(token));

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.text("/data/email")).isEqualTo(newEmail);
        assertThat(login(newEmail, PASSWORD)).isNotBlank();
    }

    @Test
    void whenEmailChangeHasAWrongPasswordOrATakenAddressThenItIsRefused() {
        String email = uniqueEmail("stay");
        createUser(email, PASSWORD, "student");
        String token = login(email, PASSWORD);

        Http.Response wrongPassword = http.post("/api/v1/auth/change-email", Map.of("email", uniqueEmail("x"), "password", "nope"), Options.bearer(token));
        assertThat(wrongPassword.status()).isEqualTo(400);
        assertThat(wrongPassword.text("/error_code")).isEqualTo("password_not_correct");

        Http.Response taken = http.post("/api/v1/auth/change-email", Map.of("email", ADMIN_EMAIL, "password", PASSWORD), Options.bearer(token));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.text("/error_code")).isEqualTo("email_already_token");

        Http.Response noCode = http.post("/api/v1/auth/validate-change-email-code", Map.of("email", uniqueEmail("y"), "code", "ABCDE"), Options.bearer(token));
        assertThat(noCode.status()).isEqualTo(400);
        assertThat(noCode.text("/error_code")).isEqualTo("code_not_exist");

        assertThat(http.post("/api/v1/auth/change-email", Map.of("email", uniqueEmail("z"), "password", PASSWORD)).status()).isEqualTo(401);
    }
}

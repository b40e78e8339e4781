package org.lafaom.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.Http.Options;
import org.lafaom.platform.support.IntegrationTest;
import org.lafaom.platform.support.TestMail;

class SignInIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "Student-Pass-42";

    @Test
    void whenCredentialsAreRightThenTokensAndFullUserAreAnsweredBare() {
        Http.Response r = http.post("/api/v1/auth/token", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD), Options.from(newAddress()));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().has("success")).isFalse();
        assertThat(r.text("/access_token/token_type")).isEqualTo("bearer");
        assertThat(r.text("/access_token/token")).isNotBlank();
        assertThat(r.text("/access_token/refresh_token")).isNotBlank();
        assertThat(r.text("/access_token/device_id")).isNotBlank();
        assertThat(r.at("/access_token/expires_in").asLong()).isEqualTo(8 * 3600);
        assertThat(r.text("/user/email")).isEqualTo(ADMIN_EMAIL);
        assertThat(r.text("/user/user_type")).isEqualTo("admin");
        assertThat(r.at("/user/addresses").isArray()).isTrue();
        assertThat(r.json().at("/user").has("professions_status")).isTrue();
        assertThat(r.json().at("/user").has("password")).isFalse();
        assertThat(r.text("/user/last_login")).isNotNull();
    }

    @Test
    void whenEmailDiffersInCaseThenSignInStillWorks() {
        Http.Response r = http.post("/api/v1/auth/token", Map.of("email", ADMIN_EMAIL.toUpperCase(), "password", ADMIN_PASSWORD), Options.from(newAddress()));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void whenPasswordIsWrongOrAccountUnknownThenTheSame401IsAnswered() {
        Http.Response wrong = http.post("/api/v1/auth/token", Map.of("email", ADMIN_EMAIL, "password", "not-the-password"), Options.from(newAddress()));
        Http.Response unknown = http.post("/api/v1/auth/token", Map.of("email", uniqueEmail("nobody"), "password", "whatever-1"), Options.from(newAddress()));

        for (Http.Response r : new Http.Response[] {wrong, unknown}) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.at("/success").asBoolean()).isFalse();
            assertThat(r.text("/error_code")).isEqualTo("in_correct_email_or_password");
            assertThat(r.text("/message")).isEqualTo("Incorrect email or password");
        }
    }

    @Test
    void whenAccountIsBlockedThenSignInIsRefusedWith403() {
        String email = uniqueEmail("blocked");
        String id = createUser(email, PASSWORD, "student");
        http.post("/api/v1/users/change-status/" + id, Map.of("status", "blocked"), Options.bearer(adminToken()));

        Http.Response r = http.post("/api/v1/auth/token", Map.of("email", email, "password", PASSWORD), Options.from(newAddress()));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text("/error_code")).isEqualTo("user_not_active");
    }

    @Test
    void whenTooManyFailuresForAnAccountThenItIsLockedEvenWithTheRightPassword() {
        String email = uniqueEmail("locked");
        createUser(email, PASSWORD, "student");
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/api/v1/auth/token", Map.of("email", email, "password", "wrong-" + i), Options.from(newAddress())).status())
                    .isEqualTo(401);
        }

        Http.Response r = http.post("/api/v1/auth/token", Map.of("email", email, "password", PASSWORD), Options.from(newAddress()));

        assertThat(r.status()).isEqualTo(429);
        assertThat(r.text("/error_code")).isEqualTo("too_many_requests");
        assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
    }

    @Test
    void whenTooManyFailuresFromOneAddressThenThatAddressIsLockedForEveryAccount() {
        String address = newAddress();
        for (int i = 0; i < 8; i++) {
            http.post("/api/v1/auth/token", Map.of("email", uniqueEmail("spray"), "password", "guess-" + i), Options.from(address));
        }

        Http.Response fromThere = http.post("/api/v1/auth/token", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD), Options.from(address));
        Http.Response fromElsewhere = http.post("/api/v1/auth/token", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD), Options.from(newAddress()));

        assertThat(fromThere.status()).isEqualTo(429);
        assertThat(fromElsewhere.status()).isEqualTo(200);
    }

    @Test
    void whenTwoFactorIsEnabledThenACodeIsMailedAndTradedForTokens() {
        String email = uniqueEmail("twofa");
        String id = createUser(email, PASSWORD, "student");
        http.put("/api/v1/users/" + id, Map.of("two_factor_enabled", true, "lang", "en"), Options.bearer(adminToken()));
        String address = newAddress();

        Http.Response first = http.post("/api/v1/auth/token", Map.of("email", email, "password", PASSWORD), Options.from(address));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.at("/success").asBoolean()).isTrue();
        assertThat(first.at("/data/two_factor_enabled").asBoolean()).isTrue();
        assertThat(first.text("/data/email")).isEqualTo(email);
        assertThat(first.json().has("access_token")).isFalse();
        assertThat(TestMail.subject(TestMail.to(email).getLast())).isEqualTo("Your LAFAOM-MAO sign-in code");

        String code = TestMail.lastCode(email);
        Http.Response second = http.post("/api/v1/auth/two-factor-token", Map.of("email", email, "code", code), Options.from(address));

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("/access_token/token")).isNotBlank();
        assertThat(second.text("/user/id")).isEqualTo(id);

        Http.Response replay = http.post("/api/v1/auth/two-factor-token", Map.of("email", email, "code", code), Options.from(address));
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.text("/error_code")).isEqualTo("code_already_used");
    }

    @Test
    void whenSecondFactorCodeIsWrongTooOftenThenTheCodeDies() {
        String email = uniqueEmail("twofa-wrong");
        String id = createUser(email, PASSWORD, "student");
        http.put("/api/v1/users/" + id, Map.of("two_factor_enabled", true), Options.bearer(adminToken()));
        http.post("/api/v1/auth/token", Map.of("email", email, "password", PASSWORD), Options.from(newAddress()));
        String code = TestMail.lastCode(email);
        assertThat(TestMail.subject(TestMail.to(email).getLast())).isEqualTo("Votre code de connexion LAFAOM-MAO");

        for (int i = 0; i < 5; i++) {
            Http.Response r = http.post("/api/v1/auth/two-factor-token", Map.of("email", email, "code", "ZZZZ" + i), Options.from(newAddress()));
            assertThat(r.status()).isIn(400, 429);
        }
        Http.Response right = http.post("/api/v1/auth/two-factor-token", Map.of("email", email, "code", code), Options.from(newAddress()));

        assertThat(right.status()).isIn(400, 429);
        assertThat(right.json().has("access_token")).isFalse();
    }

    @Test
    void whenNoCodeWasEverSentThenTwoFactorAnswersCodeNotExist() {
        Http.Response r = http.post("/api/v1/auth/two-factor-token", Map.of("email", uniqueEmail("none"), "code", "ABCDE"), Options.from(newAddress()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("/error_code")).isEqualTo("code_not_exist");
    }

    @Test
    void whenLegacyBcryptHashSignsInThenItIsUpgradedToArgon2id() {
        String email = uniqueEmail("legacy");
        String id = createUser(email, PASSWORD, "student");
        String bcrypt = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(
                org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder.BCryptVersion.$2B, 12).encode(PASSWORD);
        jdbc.sql("UPDATE users SET password = :p WHERE id = :id").param("p", bcrypt).param("id", id).update();

        assertThat(login(email, PASSWORD)).isNotBlank();
        String stored = jdbc.sql("SELECT password FROM users WHERE id = :id").param("id", id).query(String.class).single();
        assertThat(stored).startsWith("$argon2id$v=19$m=9216,t=4,p=1$");
        assertThat(login(email, PASSWORD)).isNotBlank();
    }

    @Test
    void whenArgon2HashOfEarlierSettingsSignsInThenItIsRehashedAndWrongPasswordsChangeNothing() {
        String email = uniqueEmail("earlier-argon2");
        String id = createUser(email, PASSWORD, "student");
        String earlier = new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode(PASSWORD);
        jdbc.sql("UPDATE users SET password = :p WHERE id = :id").param("p", earlier).param("id", id).update();

        Http.Response wrong = http.post("/api/v1/auth/token", Map.of("email", email, "password", "not-" + PASSWORD), Options.from(newAddress()));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT password FROM users WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo(earlier);

        assertThat(login(email, PASSWORD)).isNotBlank();
        String stored = jdbc.sql("SELECT password FROM users WHERE id = :id").param("id", id).query(String.class).single();
        assertThat(stored).startsWith("$argon2id$v=19$m=9216,t=4,p=1$");
        assertThat(login(email, PASSWORD)).isNotBlank();
    }
}

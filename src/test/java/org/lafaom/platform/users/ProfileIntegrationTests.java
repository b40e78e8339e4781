package org.lafaom.platform.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.Http.Options;
import org.lafaom.platform.support.IntegrationTest;

class ProfileIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "Profile-Pass-42";
    /** A valid 1x1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private String email;
    private String token;

    @BeforeEach
    void signIn() {
        email = uniqueEmail("profile");
        createUser(email, PASSWORD, "student");
        token = login(email, PASSWORD);
    }

    @Test
    void whenThePasswordChangedWhileASignInRehashedThenTheNewPasswordStays(@Autowired UserRepository users) {
        String id = jdbc.sql("SELECT id FROM users WHERE email = :e").param("e", email).query(String.class).single();
        String readBySignIn = jdbc.sql("SELECT password FROM users WHERE id = :id").param("id", id).query(String.class).single();
        Http.Response changed = http.post("/api/v1/auth/update-password",
                Map.of("password", PASSWORD, "new_password", "Profile-Pass-43"), Options.bearer(token));
        assertThat(changed.status()).isEqualTo(200);

        assertThat(users.replacePasswordHash(id, readBySignIn, "$argon2id$stale-rehash-of-the-old-password")).isFalse();

        assertThat(login(email, "Profile-Pass-43")).isNotBlank();
        assertThat(http.post("/api/v1/auth/token", Map.of("email", email, "password", PASSWORD), Options.from(newAddress())).status()).isEqualTo(401);
    }

    @Test
    void whenMeIsAskedThenTheFullUserIsInTheEnvelope() {
        Http.Response me = http.get("/api/v1/auth/me", Options.bearer(token));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.at("/success").asBoolean()).isTrue();
        assertThat(me.text("/message")).isEqualTo("profile fetch successfully");
        assertThat(me.text("/data/email")).isEqualTo(email);
        assertThat(me.text("/data/status")).isEqualTo("active");
        assertThat(me.at("/data/two_factor_enabled").isBoolean()).isTrue();
        assertThat(me.text("/data/created_at")).matches("\\d{4}-\\d{2}-\\d{2}T.*");
    }

    @Test
    void whenProfileIsUpdatedThenTypeAndStatusCannotBeRaisedByTheUser() {
        Http.Response r = http.post("/api/v1/auth/update-profile", Map.of(
                "first_name", "Fatou", "last_name", "Sow", "birth_date", "1999-04-02", "civility", "Mme",
                "user_type", "admin", "status", "active", "lang", "en", "mobile_number", "+221770000000", "fix_number", ""),
                Options.bearer(token));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/data/first_name")).isEqualTo("Fatou");
        assertThat(r.text("/data/birth_date")).isEqualTo("1999-04-02");
        assertThat(r.text("/data/lang")).isEqualTo("en");
        assertThat(r.text("/data/user_type")).isEqualTo("student");
    }

    @Test
    void whenProfileHasBadValuesThen422NamesTheField() {
        Http.Response r = http.post("/api/v1/auth/update-profile", Map.of("lang", "de"), Options.bearer(token));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.at("/error/0/loc/1").asString()).isEqualTo("lang");

        Http.Response date = http.post("/api/v1/auth/update-profile", Map.of("birth_date", "02/04/1999"), Options.bearer(token));
        assertThat(date.status()).isEqualTo(422);
        assertThat(date.text("/error_code")).isEqualTo("validation_error");
    }

    @Test
    void whenAddressesAreUpdatedTwiceThenPrimaryAndBillingAreUpdatedInPlace() {
        http.post("/api/v1/auth/update-addresses", Map.of("primary_address_city", "Dakar", "billing_address_city", "Thiès"), Options.bearer(token));
        Http.Response r = http.post("/api/v1/auth/update-addresses",
                Map.of("primary_address_city", "Saint-Louis", "primary_address_country_code", "SN", "billing_address_city", "Thiès"),
                Options.bearer(token));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/data/addresses").size()).isEqualTo(2);
        assertThat(r.body()).contains("Saint-Louis").doesNotContain("Dakar");
    }

    @Test
    void whenWebIdIsUpdatedThenItIsStored() {
        Http.Response r = http.post("/api/v1/auth/update-web-id", Map.of("device_id", "web-push-123"), Options.bearer(token));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/data/web_token")).isEqualTo("web-push-123");
    }

    @Test
    void whenPasswordIsUpdatedThenOnlyTheRightCurrentPasswordWorks() {
        Http.Response wrong = http.post("/api/v1/auth/update-password", Map.of("password", "nope", "new_password", "Another-Pass-1"), Options.bearer(token));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text("/error_code")).isEqualTo("password_not_correct");

        Http.Response ok = http.post("/api/v1/auth/update-password", Map.of("password", PASSWORD, "new_password", "Another-Pass-1"), Options.bearer(token));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(login(email, "Another-Pass-1")).isNotBlank();
    }

    @Test
    void whenProfileImageIsAPngThenItIsStoredAndServed() {
        Http.Response r = http.upload("/api/v1/auth/upload-profile-image", "image", "me.png", "image/png", PNG, Options.bearer(token));

        assertThat(r.status()).isEqualTo(200);
        String picture = r.text("/data/picture");
        assertThat(picture).startsWith(PUBLIC_URL + "/api/v1/media/profile/").endsWith(".png");
        Http.Response served = http.get(picture.substring(PUBLIC_URL.length()));
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        assertThat(served.raw().body()).isEqualTo(PNG);

        Http.Response deleted = http.delete("/api/v1/auth/profile-image", Options.bearer(token));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.at("/data/picture").isNull()).isTrue();
        assertThat(http.get(picture.substring(PUBLIC_URL.length())).status()).isEqualTo(404);
    }

    @Test
    void whenProfileImageLiesAboutItsTypeOrIsTooLargeThenItIsRefused() {
        byte[] pdf = "%PDF-1.4 fake".getBytes();
        Http.Response liar = http.upload("/api/v1/auth/upload-profile-image", "image", "me.png", "image/png", pdf, Options.bearer(token));
        assertThat(liar.status()).isEqualTo(400);
        assertThat(liar.text("/error_code")).isEqualTo("invalid_file");

        byte[] big = new byte[6 * 1024 * 1024];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        Http.Response tooBig = http.upload("/api/v1/auth/upload-profile-image", "image", "big.png", "image/png", big, Options.bearer(token));
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.text("/error_code")).isEqualTo("payload_too_large");

        Http.Response missing = http.upload("/api/v1/auth/upload-profile-image", "other", "me.png", "image/png", PNG, Options.bearer(token));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(http.get("/api/v1/auth/me", Options.bearer(token)).at("/data/picture").isNull()).isTrue();
    }

    @Test
    void whenUserHasNoRoleThenMyRoleSays404AndMyPermissionsIsEmpty() {
        Http.Response role = http.get("/api/v1/auth/my-role", Options.bearer(token));
        assertThat(role.status()).isEqualTo(404);
        assertThat(role.text("/error_code")).isEqualTo("role_not_found");

        Http.Response permissions = http.get("/api/v1/auth/my-permissions", Options.bearer(token));
        assertThat(permissions.status()).isEqualTo(200);
        assertThat(permissions.at("/data").size()).isZero();
    }

    @Test
    void whenAdminAsksThenRoleIsSuperAdminWithEveryPermission() {
        String admin = adminToken();
        assertThat(http.get("/api/v1/auth/my-role", Options.bearer(admin)).text("/data/name")).isEqualTo("super_admin");
        Http.Response permissions = http.get("/api/v1/auth/my-permissions", Options.bearer(admin));
        assertThat(permissions.at("/data").size()).isEqualTo(Permission.values().length);
        assertThat(permissions.at("/data/0").has("role_id")).isTrue();
        assertThat(permissions.at("/data/0").has("user_id")).isTrue();
    }
}

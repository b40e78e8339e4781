package org.lafaom.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.Http.Options;
import org.lafaom.platform.support.IntegrationTest;

class EdgeErrorsIntegrationTests extends IntegrationTest {

    @Test
    void whenRouteIsUnknownThen404Envelope() {
        Http.Response r = http.get("/api/v1/does-not-exist");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.at("/success").asBoolean()).isFalse();
        assertThat(r.text("/error_code")).isEqualTo("not_found");
    }

    @Test
    void whenMethodIsWrongThen405Envelope() {
        Http.Response r = http.delete("/api/v1/auth/token", new Options());
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.text("/error_code")).isEqualTo("method_not_allowed");
    }

    @Test
    void whenJsonIsMalformedThen422AndNever500() {
        Http.Response r = http.post("/api/v1/auth/token", "{\"email\": \"a@b.c\", \"password\": ");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text("/error_code")).isEqualTo("validation_error");
        assertThat(r.at("/error/0/loc/0").asString()).isEqualTo("body");
    }

    @Test
    void whenAFieldHasTheWrongTypeThen422NamesIt() {
        Http.Response r = http.post("/api/v1/users/assign-roles", "{\"user_id\": \"x\", \"role_id\": \"not-a-number\"}", Options.bearer(adminToken()));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.at("/error/0/loc/1").asString()).isEqualTo("role_id");
    }

    @Test
    void whenBodyIsMissingOrOfAnotherTypeThenTheAnswerIsA4xxEnvelope() {
        Http.Response empty = http.post("/api/v1/auth/token", "");
        assertThat(empty.status()).isEqualTo(422);
        Http.Response xml = http.postRaw("/api/v1/auth/token", "application/xml", "<a/>".getBytes(StandardCharsets.UTF_8), new Options());
        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.text("/error_code")).isEqualTo("unsupported_media_type");
    }

    @Test
    void whenBodyIsTooLargeThen413WhetherAnnouncedOrStreamed() {
        String huge = "{\"email\":\"a@b.c\",\"password\":\"" + "x".repeat(300 * 1024) + "\"}";
        Http.Response r = http.post("/api/v1/auth/token", huge);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.text("/error_code")).isEqualTo("payload_too_large");
    }

    @Test
    void whenUnknownFieldsAndEmptyStringsAreSentThenTheyAreTolerated() {
        Http.Response r = http.post("/api/v1/auth/token",
                Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD, "payment_method", "x", "remember_me", true),
                Options.from(newAddress()));
        assertThat(r.status()).isEqualTo(200);
        String token = r.text("/access_token/token");
        Http.Response profile = http.post("/api/v1/auth/update-profile", Map.of("birth_date", "", "city", "Dakar"), Options.bearer(token));
        assertThat(profile.status()).isEqualTo(200);
    }

    @Test
    void whenARequestIdIsSentThenItIsEchoedElseOneIsMade() {
        Http.Response given = http.get("/api/v1/auth/jwks.json", new Options().header("X-Request-Id", "abc12345-test"));
        assertThat(given.header("X-Request-Id")).isEqualTo("abc12345-test");
        Http.Response made = http.get("/api/v1/auth/jwks.json");
        assertThat(made.header("X-Request-Id")).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void whenOriginIsAllowedThenPreflightPassesElseItIsRefused() {
        Options allowed = new Options().header("Origin", "https://admin.lafaom.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-requested-with,authorization");
        Http.Response ok = http.options("/api/v1/auth/token", allowed);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("https://admin.lafaom.test");

        Options foreign = new Options().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST");
        Http.Response refused = http.options("/api/v1/auth/token", foreign);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }
}

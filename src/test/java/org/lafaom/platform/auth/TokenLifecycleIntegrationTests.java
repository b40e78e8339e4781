package org.lafaom.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.jwa.AlgorithmConstraints;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.Http.Options;
import org.lafaom.platform.support.IntegrationTest;

class TokenLifecycleIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "Lifecycle-Pass-42";

    @Test
    void whenTokenIsVerifiedWithJose4jAgainstThePublishedJwksThenEveryClaimIsThere() throws Exception {
        Http.Response signIn = http.post("/api/v1/auth/token", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD), Options.from(newAddress()));
        String token = signIn.text("/access_token/token");
        Http.Response jwks = http.get("/api/v1/auth/jwks.json");

        JsonWebKeySet keySet = new JsonWebKeySet(jwks.body());
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keySet.getJsonWebKeys()))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(PUBLIC_URL)
                .setExpectedAudience("lafaom-api")
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireNotBefore()
                .setRequireJwtId()
                .setRequireSubject()
                .build();
        JwtClaims claims = consumer.processToClaims(token);

        assertThat(claims.getSubject()).isEqualTo(signIn.text("/user/id"));
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(8 * 3600);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        assertThat(jws.getKeyIdHeaderValue()).isNotBlank();
        assertThat(new VerificationJwkSelector().select(jws, keySet.getJsonWebKeys())).isNotNull();
    }

    @Test
    void whenJwksIsFetchedThenItHasNoPrivatePartsAndIsCacheable() {
        Http.Response jwks = http.get("/api/v1/auth/jwks.json");

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.header("Cache-Control")).contains("max-age=300").contains("public");
        assertThat(jwks.at("/keys").size()).isGreaterThanOrEqualTo(1);
        jwks.at("/keys").forEach(key -> {
            assertThat(key.get("kty").asString()).isEqualTo("RSA");
            assertThat(key.get("alg").asString()).isEqualTo("RS256");
            assertThat(key.get("use").asString()).isEqualTo("sig");
            assertThat(key.has("kid")).isTrue();
            for (String privatePart : new String[] {"d", "p", "q", "dp", "dq", "qi"}) {
                assertThat(key.has(privatePart)).as("private parameter %s", privatePart).isFalse();
            }
        });
        String stored = jdbc.sql("SELECT encode(private_key_enc, 'escape') FROM auth_signing_key LIMIT 1").query(String.class).single();
        assertThat(stored).doesNotContain("\"d\"");
    }

    @Test
    void whenRefreshTokenIsUsedThenItRotatesAndReusingTheOldOneRevokesTheFamily() {
        String email = uniqueEmail("refresh");
        createUser(email, PASSWORD, "student");
        Http.Response signIn = http.post("/api/v1/auth/token", Map.of("email", email, "password", PASSWORD), Options.from(newAddress()));
        String device = signIn.text("/access_token/device_id");
        String refresh = signIn.text("/access_token/refresh_token");

        Http.Response rotated = http.post("/api/v1/auth/refresh-token", Map.of("refresh_token", refresh, "device_id", device));
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.text("/access_token/refresh_token")).isNotEqualTo(refresh);
        assertThat(rotated.text("/user/email")).isEqualTo(email);
        String newDevice = rotated.text("/access_token/device_id");
        String newRefresh = rotated.text("/access_token/refresh_token");

        Http.Response reuse = http.post("/api/v1/auth/refresh-token", Map.of("refresh_token", refresh, "device_id", device));
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.text("/error_code")).isEqualTo("refresh_token_not_found");

        Http.Response afterTheft = http.post("/api/v1/auth/refresh-token", Map.of("refresh_token", newRefresh, "device_id", newDevice));
        assertThat(afterTheft.status()).isEqualTo(401);
    }

    @Test
    void whenRefreshTokenIsWrongOrExpiredThenItIsRefused() {
        String email = uniqueEmail("refresh-bad");
        createUser(email, PASSWORD, "student");
        Http.Response signIn = http.post("/api/v1/auth/token", Map.of("email", email, "password", PASSWORD), Options.from(newAddress()));
        String device = signIn.text("/access_token/device_id");

        Http.Response wrong = http.post("/api/v1/auth/refresh-token", Map.of("refresh_token", "forged", "device_id", device));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.text("/error_code")).isEqualTo("refresh_token_not_found");

        jdbc.sql("UPDATE refresh_token SET expires_at = now() - interval '1 minute' WHERE id = :id").param("id", device).update();
        Http.Response expired = http.post("/api/v1/auth/refresh-token",
                Map.of("refresh_token", signIn.text("/access_token/refresh_token"), "device_id", device));
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.text("/error_code")).isEqualTo("refresh_token_has_expired");
    }

    @Test
    void whenLoggedOutThenThatAccessTokenAndRefreshTokenStopWorking() {
        String email = uniqueEmail("logout");
        createUser(email, PASSWORD, "student");
        Http.Response signIn = http.post("/api/v1/auth/token", Map.of("email", email, "password", PASSWORD), Options.from(newAddress()));
        String token = signIn.text("/access_token/token");
        String other = login(email, PASSWORD);
        assertThat(http.get("/api/v1/auth/me", Options.bearer(token)).status()).isEqualTo(200);

        Http.Response out = http.post("/api/v1/auth/logout", Map.of(
                "refresh_token", signIn.text("/access_token/refresh_token"), "device_id", signIn.text("/access_token/device_id")),
                Options.bearer(token));

        assertThat(out.status()).isEqualTo(200);
        Http.Response me = http.get("/api/v1/auth/me", Options.bearer(token));
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.text("/error_code")).isEqualTo("invalid_token");
        assertThat(http.post("/api/v1/auth/refresh-token", Map.of("refresh_token", signIn.text("/access_token/refresh_token"),
                "device_id", signIn.text("/access_token/device_id"))).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/auth/me", Options.bearer(other)).status()).isEqualTo(200);
    }

    @Test
    void whenLoggedOutEverywhereThenEveryTokenOfTheAccountStopsWorking() {
        String email = uniqueEmail("logout-all");
        createUser(email, PASSWORD, "student");
        String first = login(email, PASSWORD);
        String second = login(email, PASSWORD);

        assertThat(http.post("/api/v1/auth/logout-all", Map.of(), Options.bearer(first)).status()).isEqualTo(200);

        assertThat(http.get("/api/v1/auth/me", Options.bearer(second)).status()).isEqualTo(401);
        assertThat(login(email, PASSWORD)).isNotBlank();
    }

    @Test
    void whenTokenIsForgedOrTamperedThenProtectedRoutesAnswerInvalidToken() {
        String token = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace("lafaom-api", "other").getBytes());
        String noneAlg = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + parts[1] + ".";

        for (String bad : new String[] {parts[0] + "." + forgedPayload + "." + parts[2], noneAlg, "garbage", token + "x"}) {
            Http.Response r = http.get("/api/v1/auth/me", Options.bearer(bad));
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.text("/error_code")).isEqualTo("invalid_token");
        }
        Http.Response anonymous = http.get("/api/v1/auth/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text("/error_code")).isEqualTo("not_authenticated");
    }

    @Test
    void whenAccountIsBlockedThenItsExistingTokensStopWorking() {
        String email = uniqueEmail("blocked-token");
        String id = createUser(email, PASSWORD, "student");
        String token = login(email, PASSWORD);

        http.post("/api/v1/users/change-status/" + id, Map.of("status", "blocked"), Options.bearer(adminToken()));

        assertThat(http.get("/api/v1/auth/me", Options.bearer(token)).status()).isEqualTo(401);
    }
}

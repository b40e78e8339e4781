package org.lafaom.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.MutableClock;
import org.lafaom.platform.support.TestDatabase;
import org.lafaom.platform.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Key rotation on a database of its own and a clock the test moves: a new key is published long
 * before it signs, so a relying party holding a JWKS fetched earlier (Moodle caches it an hour)
 * verifies tokens signed after the switch; the old key stays until its tokens have expired.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "lafaom.auth.key-check-interval=1000d")
class SigningKeyRotationIntegrationTests {

    private static final TestDatabase.Database DATABASE = TestDatabase.create("rotation");
    private static final String EMAIL = "rotation-admin@lafaom.test";
    private static final String PASSWORD = "Rotation-Pass-1";

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::username);
        registry.add("spring.mail.port", TestMail::port);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("lafaom.auth.key-encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("lafaom.bootstrap-admin.email", () -> EMAIL);
        registry.add("lafaom.bootstrap-admin.password", () -> PASSWORD);
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    SigningKeys keys;

    @Test
    void whenKeysRotateThenATokenSignedAfterTheSwitchVerifiesWithAJwksFetchedAnHourEarlier() throws Exception {
        Http http = new Http(port);
        String firstKid = kid(signIn(http));

        clock.advance(Duration.ofDays(30).minus(Duration.ofHours(2)));
        keys.rotate();
        Http.Response published = http.get("/api/v1/auth/jwks.json");
        assertThat(published.at("/keys").size()).isEqualTo(2);
        assertThat(kid(signIn(http))).as("the new key is not used before its activation").isEqualTo(firstKid);

        clock.advance(Duration.ofHours(1));
        String jwksFetchedAnHourEarly = http.get("/api/v1/auth/jwks.json").body();
        clock.advance(Duration.ofHours(1));
        keys.rotate();

        String afterSwitch = signIn(http);
        assertThat(kid(afterSwitch)).isNotEqualTo(firstKid);
        List<JsonWebKey> cached = new JsonWebKeySet(jwksFetchedAnHourEarly).getJsonWebKeys();
        var claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(cached))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setSkipDefaultAudienceValidation()
                .setEvaluationTime(org.jose4j.jwt.NumericDate.fromMilliseconds(clock.millis()))
                .build()
                .processToClaims(afterSwitch);
        assertThat(claims.getSubject()).isNotBlank();

        Http.Response bothStillPublished = http.get("/api/v1/auth/jwks.json");
        assertThat(bothStillPublished.body()).contains(firstKid);

        clock.advance(Duration.ofHours(8).plusMinutes(11));
        keys.rotate();
        Http.Response later = http.get("/api/v1/auth/jwks.json");
        assertThat(later.body()).doesNotContain(firstKid);
        assertThat(later.at("/keys").size()).isEqualTo(1);
        assertThat(http.get("/api/v1/auth/me", Http.Options.bearer(afterSwitch)).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/auth/me", Http.Options.bearer(signIn(http))).status()).isEqualTo(200);
    }

    private static String signIn(Http http) {
        Http.Response r = http.post("/api/v1/auth/token", Map.of("email", EMAIL, "password", PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.text("/access_token/token");
    }

    private static String kid(String token) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        return jws.getKeyIdHeaderValue();
    }
}

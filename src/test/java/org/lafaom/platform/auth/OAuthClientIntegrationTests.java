package org.lafaom.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.Http.Options;
import org.lafaom.platform.support.IntegrationTest;

class OAuthClientIntegrationTests extends IntegrationTest {

    private Http.Response token(Map<String, String> body) {
        return http.post("/api/v1/auth/oauth/token", body);
    }

    @Test
    void whenClientCredentialsAreRightThenAScopedTokenReadsUsers() {
        Http.Response r = token(Map.of("grant_type", "client_credentials", "client_id", OAUTH_CLIENT_ID,
                "client_secret", OAUTH_CLIENT_SECRET, "audience", "lafaom-api", "scope", "user:read"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/token_type")).isEqualTo("Bearer");
        assertThat(r.at("/expires_in").asLong()).isEqualTo(600);
        String adminId = http.get("/api/v1/auth/me", Options.bearer(adminToken())).text("/data/id");

        Http.Response users = http.post("/api/v1/users/internal", Map.of("user_ids", List.of(adminId)), Options.bearer(r.text("/access_token")));
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.at("/data/0/id").asString()).isEqualTo(adminId);

        Http.Response notAPerson = http.get("/api/v1/auth/me", Options.bearer(r.text("/access_token")));
        assertThat(notAPerson.status()).isEqualTo(403);
        Http.Response notAllowed = http.get("/api/v1/users", Options.bearer(r.text("/access_token")));
        assertThat(notAllowed.status()).isEqualTo(403);
    }

    @Test
    void whenFormEncodedThenTheGrantWorksAsInRfc6749() {
        String form = "grant_type=client_credentials&client_id=" + OAUTH_CLIENT_ID + "&client_secret=" + OAUTH_CLIENT_SECRET;
        Http.Response r = http.postRaw("/api/v1/auth/oauth/token", "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8), new Options());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/access_token")).isNotBlank();
    }

    @Test
    void whenSecretGrantScopeOrAudienceIsWrongThenNoTokenIsIssued() {
        Http.Response badSecret = token(Map.of("grant_type", "client_credentials", "client_id", OAUTH_CLIENT_ID, "client_secret", "nope", "audience", "lafaom-api"));
        assertThat(badSecret.status()).isEqualTo(401);
        assertThat(badSecret.text("/error_code")).isEqualTo("invalid_client");

        Http.Response unknownClient = token(Map.of("grant_type", "client_credentials", "client_id", "ghost", "client_secret", "x", "audience", "lafaom-api"));
        assertThat(unknownClient.status()).isEqualTo(401);

        Http.Response badGrant = token(Map.of("grant_type", "password", "client_id", OAUTH_CLIENT_ID, "client_secret", OAUTH_CLIENT_SECRET, "audience", "lafaom-api"));
        assertThat(badGrant.status()).isEqualTo(400);
        assertThat(badGrant.text("/error_code")).isEqualTo("unsupported_grant_type");

        Http.Response badScope = token(Map.of("grant_type", "client_credentials", "client_id", OAUTH_CLIENT_ID, "client_secret", OAUTH_CLIENT_SECRET,
                "audience", "lafaom-api", "scope", "user:write"));
        assertThat(badScope.status()).isEqualTo(400);
        assertThat(badScope.text("/error_code")).isEqualTo("invalid_scope");

        Http.Response badAudience = token(Map.of("grant_type", "client_credentials", "client_id", OAUTH_CLIENT_ID, "client_secret", OAUTH_CLIENT_SECRET,
                "audience", "https://evil.example"));
        assertThat(badAudience.status()).isEqualTo(400);
    }

    @Test
    void whenAnotherAudienceIsAskedThenTheTokenIsNotAcceptedHere() {
        Http.Response r = token(Map.of("grant_type", "client_credentials", "client_id", OAUTH_CLIENT_ID,
                "client_secret", OAUTH_CLIENT_SECRET, "audience", "reporting-api", "scope", "user:read"));
        assertThat(r.status()).isEqualTo(200);

        Http.Response users = http.post("/api/v1/users/internal", Map.of("user_ids", List.of("x")), Options.bearer(r.text("/access_token")));
        assertThat(users.status()).isEqualTo(401);
        assertThat(users.text("/error_code")).isEqualTo("invalid_token");
    }
}

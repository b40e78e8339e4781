package org.lafaom.platform.auth;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings. {@code accessTokenTtl} defaults to 8 hours on purpose: the admin app never
 * refreshes and logs out on any 401, so a shorter life would cut staff off mid-day; lower it when
 * every client refreshes. Signing keys rotate every {@code keyRotationInterval}; a new key is
 * published {@code keyPrepublish} before it signs, longer than Moodle's one-hour JWKS cache.
 * {@code passwordSetupTtl} is how long the link mailed to a new account (a student who applied)
 * stays valid: long enough to open the mail days later, unlike a reset code.
 */
@ConfigurationProperties("lafaom.auth")
record AuthProperties(
        @DefaultValue("") String keyEncryptionKey,
        @DefaultValue("lafaom-api") String audience,
        @DefaultValue("8h") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("10m") Duration machineTokenTtl,
        @DefaultValue("30d") Duration keyRotationInterval,
        @DefaultValue("2h") Duration keyPrepublish,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("15m") Duration codeTtl,
        @DefaultValue("5") int codeMaxAttempts,
        @DefaultValue("7d") Duration passwordSetupTtl,
        @DefaultValue Throttle throttle,
        @DefaultValue List<OAuthClient> oauthClients) {

    /** Failed sign-ins allowed per account and per client address within {@code window}. */
    record Throttle(
            @DefaultValue("5") int accountFailures,
            @DefaultValue("20") int addressFailures,
            @DefaultValue("15m") Duration window,
            @DefaultValue("15m") Duration lockout) {}

    /** A machine client of {@code /auth/oauth/token}; the secret comes from the environment. */
    record OAuthClient(String clientId, String clientSecret, List<String> scopes, List<String> audiences) {}
}

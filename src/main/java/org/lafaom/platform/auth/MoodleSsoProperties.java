package org.lafaom.platform.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on into Moodle. {@code url} is Moodle's public address ({@code MOODLE_URL}): the
 * token audience and the only place the sign-in may send a browser back to. {@code internalUrl}
 * ({@code MOODLE_INTERNAL_URL}) is how this service reaches Moodle itself.
 */
@ConfigurationProperties("lafaom.moodle")
record MoodleSsoProperties(
        @DefaultValue("http://localhost:8080") String url,
        String internalUrl,
        @DefaultValue("2m") Duration ssoTokenTtl,
        @DefaultValue("8h") Duration sessionTtl,
        java.util.List<String> ssoRefusedEmails) {

    /**
     * Moodle's plugin signs a token's bearer into whichever Moodle account has its e-mail, the
     * Moodle administrator's included: such addresses never get a token, whoever holds them here.
     */
    boolean refuses(String email) {
        return email != null && ssoRefusedEmails != null && ssoRefusedEmails.stream()
                .map(e -> e.trim().toLowerCase(java.util.Locale.ROOT)).filter(e -> !e.isEmpty())
                .anyMatch(email.trim().toLowerCase(java.util.Locale.ROOT)::equals);
    }

    String publicBase() {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    String internalBase() {
        String base = internalUrl == null || internalUrl.isBlank() ? url : internalUrl;
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String callbackUrl() {
        return publicBase() + "/auth/jwtsso/callback.php";
    }
}

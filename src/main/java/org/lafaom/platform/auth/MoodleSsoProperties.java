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
        @DefaultValue("8h") Duration sessionTtl) {

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

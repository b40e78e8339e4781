package org.lafaom.platform.moodle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Moodle's web services, reached at {@code internalUrl} (else {@code url}). The token is
 * {@code MOODLE_WS_TOKEN}, or else the content of the file {@code MOODLE_WS_TOKEN_FILE} (the
 * stack's Moodle init step writes it there), read at each call so a token created after start-up
 * or rotated is used without a restart. {@code reconcileEvery} paces the scheduled comparison with
 * Moodle, which also sends what waited while Moodle was not configured.
 */
@ConfigurationProperties("lafaom.moodle")
record MoodleProperties(
        @DefaultValue("http://localhost:8080") String url,
        String internalUrl,
        String wsToken,
        Path wsTokenFile,
        @DefaultValue("10s") Duration callTimeout,
        @DefaultValue("5") int studentRoleId,
        @DefaultValue("1") int courseCategoryId,
        @DefaultValue("6h") Duration reconcileEvery) {

    String serverUrl() {
        String base = internalUrl == null || internalUrl.isBlank() ? url : internalUrl;
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/webservice/rest/server.php";
    }

    /**
     * Whether Moodle provisioning is set up at all: a token, or a file the token will be written
     * to. Without either, pushes are only recorded as pending and sent once it is configured.
     */
    boolean configured() {
        return (wsToken != null && !wsToken.isBlank()) || wsTokenFile != null;
    }

    /** The web-service token, or null when none is available (yet). */
    String token() {
        if (wsToken != null && !wsToken.isBlank()) {
            return wsToken.trim();
        }
        if (wsTokenFile == null || !Files.isReadable(wsTokenFile)) {
            return null;
        }
        try {
            String token = Files.readString(wsTokenFile).trim();
            return token.isEmpty() ? null : token;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

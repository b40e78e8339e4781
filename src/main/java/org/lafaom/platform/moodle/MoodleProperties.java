package org.lafaom.platform.moodle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Moodle's web services: reached at {@code internalUrl} (else {@code url}) with {@code MOODLE_WS_TOKEN}.
 * Without a token, provisioning tasks wait in the queue and are reported as a configuration error.
 */
@ConfigurationProperties("lafaom.moodle")
record MoodleProperties(
        @DefaultValue("http://localhost:8080") String url,
        String internalUrl,
        String wsToken,
        @DefaultValue("10s") Duration callTimeout,
        @DefaultValue("5") int studentRoleId,
        @DefaultValue("1") int courseCategoryId) {

    String serverUrl() {
        String base = internalUrl == null || internalUrl.isBlank() ? url : internalUrl;
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/webservice/rest/server.php";
    }
}

package org.lafaom.platform.auth;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Browser sessions of the Moodle sign-in page, stored as hashes of the cookie value. */
@Component
class SsoSessions {

    private final JdbcClient jdbc;
    private final MoodleSsoProperties properties;
    private final Clock clock;

    SsoSessions(JdbcClient jdbc, MoodleSsoProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Opens a session and returns the cookie value. */
    String open(String userId) {
        String value = Secrets.opaqueToken();
        jdbc.sql("INSERT INTO auth_sso_session (id_hash, user_id, expires_at) VALUES (:h, :u, :e)")
                .param("h", Secrets.sha256(value)).param("u", userId)
                .param("e", clock.instant().plus(properties.sessionTtl()).atOffset(ZoneOffset.UTC))
                .update();
        return value;
    }

    Optional<String> userOf(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT user_id FROM auth_sso_session WHERE id_hash = :h AND expires_at > now()")
                .param("h", Secrets.sha256(cookieValue)).query(String.class).optional();
    }

    void close(String cookieValue) {
        if (cookieValue != null) {
            jdbc.sql("DELETE FROM auth_sso_session WHERE id_hash = :h").param("h", Secrets.sha256(cookieValue)).update();
        }
    }

    @org.springframework.context.event.EventListener
    void on(org.lafaom.platform.users.UserSessionsRevoked event) {
        jdbc.sql("DELETE FROM auth_sso_session WHERE user_id = :u").param("u", event.userId()).update();
    }

    @Scheduled(fixedDelayString = "1h", initialDelayString = "7m")
    void purgeExpired() {
        jdbc.sql("DELETE FROM auth_sso_session WHERE expires_at < now()").update();
    }
}

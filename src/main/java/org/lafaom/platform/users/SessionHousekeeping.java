package org.lafaom.platform.users;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets logged-out token ids once those tokens would have expired anyway. */
@Component
class SessionHousekeeping {

    private final JdbcClient jdbc;

    SessionHousekeeping(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "1h", initialDelayString = "5m")
    void purgeExpiredRevocations() {
        jdbc.sql("DELETE FROM auth_revoked_access_token WHERE expires_at < now()").update();
    }
}

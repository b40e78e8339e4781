package org.lafaom.platform.auth;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** Access tokens revoked by a logout, remembered until they would have expired anyway. */
@Repository
class RevokedAccessTokens {

    private final JdbcClient jdbc;

    RevokedAccessTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void revoke(String jti, Instant expiresAt) {
        jdbc.sql("INSERT INTO auth_revoked_access_token (jti, expires_at) VALUES (:j, :e) ON CONFLICT DO NOTHING")
                .param("j", jti).param("e", expiresAt.atOffset(ZoneOffset.UTC)).update();
    }

    boolean isRevoked(String jti) {
        return jdbc.sql("SELECT count(*) FROM auth_revoked_access_token WHERE jti = :j").param("j", jti)
                .query(Long.class).single() > 0;
    }

    @Scheduled(fixedDelayString = "1h", initialDelayString = "5m")
    void purgeExpired() {
        jdbc.sql("DELETE FROM auth_revoked_access_token WHERE expires_at < now()").update();
    }
}

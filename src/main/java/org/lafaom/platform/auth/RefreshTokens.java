package org.lafaom.platform.auth;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.Ids;
import org.lafaom.platform.users.UserSessionsRevoked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque refresh tokens in the legacy {@code refresh_token} table: the row id is the client's
 * {@code device_id}, the token is stored as a SHA-256 hash (rows of the old backend hold bcrypt
 * hashes and still work). Each use rotates the token; presenting a rotated token again means it
 * was copied, so its whole family is revoked.
 */
@Component
class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    private final JdbcClient jdbc;
    private final AuthProperties properties;
    private final Clock clock;

    RefreshTokens(JdbcClient jdbc, AuthProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    record Issued(String deviceId, String token) {}

    private record Row(String id, String token, String userId, OffsetDateTime expiresAt, String familyId,
            OffsetDateTime revokedAt, String replacedBy) {}

    @Transactional
    Issued issue(String userId) {
        return insert(userId, null);
    }

    /** Trades a valid refresh token for a new one; returns the user id and the new pair. */
    @Transactional(noRollbackFor = ApiException.class)
    RotationResult rotate(String deviceId, String token) {
        Row row = find(deviceId).filter(r -> matches(token, r.token()))
                .orElseThrow(() -> new ApiException(ErrorCode.REFRESH_TOKEN_NOT_FOUND));
        if (row.revokedAt() != null) {
            if (row.replacedBy() != null) {
                log.warn("Refresh token reuse detected for user {}: revoking its family", row.userId());
                revokeFamily(family(row));
            }
            throw new ApiException(ErrorCode.REFRESH_TOKEN_NOT_FOUND);
        }
        if (!row.expiresAt().isAfter(now())) {
            throw new ApiException(ErrorCode.REFRESH_TOKEN_HAS_EXPIRED);
        }
        Issued next = insert(row.userId(), family(row));
        int updated = jdbc.sql("""
                UPDATE refresh_token SET revoked_at = now(), replaced_by = :next, updated_at = now()
                WHERE id = :id AND revoked_at IS NULL""")
                .param("next", next.deviceId()).param("id", row.id()).update();
        if (updated == 0) {
            // A concurrent request rotated the same token first: treat as reuse.
            revokeFamily(family(row));
            throw new ApiException(ErrorCode.REFRESH_TOKEN_NOT_FOUND);
        }
        return new RotationResult(row.userId(), next);
    }

    record RotationResult(String userId, Issued issued) {}

    /** Revokes the family of this device's token, if the token is the caller's. */
    @Transactional
    void revoke(String deviceId, String token, String userId) {
        find(deviceId).filter(r -> r.userId().equals(userId) && matches(token, r.token()))
                .ifPresent(r -> revokeFamily(family(r)));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(UserSessionsRevoked event) {
        jdbc.sql("UPDATE refresh_token SET revoked_at = now(), updated_at = now() WHERE user_id = :u AND revoked_at IS NULL")
                .param("u", event.userId()).update();
    }

    private void revokeFamily(String familyId) {
        jdbc.sql("""
                UPDATE refresh_token SET revoked_at = coalesce(revoked_at, now()), updated_at = now()
                WHERE family_id = :f OR id = :f""")
                .param("f", familyId).update();
    }

    private Issued insert(String userId, String familyId) {
        String id = Ids.newId();
        String token = Secrets.opaqueToken();
        jdbc.sql("""
                INSERT INTO refresh_token (id, created_at, updated_at, token, user_id, expires_at, family_id)
                VALUES (:id, now(), now(), :token, :user, :expires, :family)""")
                .param("id", id)
                .param("token", Secrets.sha256(token))
                .param("user", userId)
                .param("expires", now().plus(properties.refreshTokenTtl()))
                .param("family", familyId == null ? id : familyId)
                .update();
        return new Issued(id, token);
    }

    private Optional<Row> find(String deviceId) {
        if (deviceId == null || deviceId.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, token, user_id, expires_at, family_id, revoked_at, replaced_by FROM refresh_token WHERE id = :id AND delete_at IS NULL")
                .param("id", deviceId).query(Row.class).optional();
    }

    private static String family(Row row) {
        return row.familyId() == null ? row.id() : row.familyId();
    }

    private static boolean matches(String token, String stored) {
        if (token == null || stored == null) {
            return false;
        }
        if (stored.startsWith("$2")) {
            return BCrypt.checkpw(token, stored);
        }
        return Secrets.constantTimeEquals(Secrets.sha256(token), stored);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}

package org.lafaom.platform.auth;

import java.util.Optional;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Short codes sent by e-mail (2FA, password reset, e-mail change), in the legacy tables. Codes are
 * random, stored hashed, expire, work once, and are burnt after too many wrong tries.
 */
@Component
class VerificationCodes {

    static final int LENGTH = 5;
    /** 24 characters of a 32-letter alphabet: 120 random bits, enough for a link valid for days. */
    static final int LINK_LENGTH = 24;

    /** The legacy tables; {@code two_factor_code.end_time} has no time zone, so it holds UTC. */
    enum Purpose {
        TWO_FACTOR("two_factor_code", "(now() AT TIME ZONE 'UTC')"),
        FORGOTTEN_PASSWORD("forgotten_password_code", "now()"),
        CHANGE_EMAIL("change_email_code", "now()");

        final String table;
        final String now;

        Purpose(String table, String now) {
            this.table = table;
            this.now = now;
        }
    }

    private record Row(int id, String userId, String email, String code, boolean expired, Boolean active, int attempts) {}

    private final JdbcClient jdbc;
    private final AuthProperties properties;

    VerificationCodes(JdbcClient jdbc, AuthProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Issues a new code, cancelling the earlier ones of the same purpose and address. */
    @Transactional
    String issue(Purpose purpose, String userId, String email) {
        return issue(purpose, userId, email, Secrets.code(LENGTH), properties.codeTtl());
    }

    /**
     * Issues a long code for a link (a new account's "set your password" e-mail). It lives in the
     * reset-code table, so it is consumed like a reset code and a later reset request replaces it.
     */
    @Transactional
    String issueLinkCode(String userId, String email) {
        return issue(Purpose.FORGOTTEN_PASSWORD, userId, email, Secrets.code(LINK_LENGTH), properties.passwordSetupTtl());
    }

    private String issue(Purpose purpose, String userId, String email, String code, java.time.Duration ttl) {
        jdbc.sql("UPDATE " + purpose.table + " SET active = false, updated_at = now() WHERE lower(email) = lower(:e) AND active")
                .param("e", email).update();
        jdbc.sql("INSERT INTO " + purpose.table + " (created_at, updated_at, user_id, email, code, end_time, active, attempts) "
                        + "VALUES (now(), now(), :u, :e, :c, " + purpose.now + " + make_interval(secs => :ttl), true, 0)")
                .param("u", userId).param("e", email.trim().toLowerCase(java.util.Locale.ROOT)).param("c", Secrets.sha256(code.toUpperCase()))
                .param("ttl", ttl.toSeconds()).update();
        return code;
    }

    int minutesValid() {
        return (int) properties.codeTtl().toMinutes();
    }

    /**
     * Consumes the code sent to {@code email}; returns the user id it was issued for. A wrong code
     * counts against the live code of that address, which dies after the allowed number of tries.
     */
    @Transactional(noRollbackFor = ApiException.class)
    String consume(Purpose purpose, String email, String code, String requiredUserId) {
        Optional<Row> latest = jdbc.sql("SELECT id, user_id, email, code, end_time <= " + purpose.now + " AS expired, active, attempts FROM "
                        + purpose.table + " WHERE lower(email) = lower(:e) AND delete_at IS NULL"
                        + (requiredUserId == null ? "" : " AND user_id = :u") + " ORDER BY id DESC LIMIT 1 FOR UPDATE")
                .param("e", email.trim())
                .params(requiredUserId == null ? java.util.Map.of() : java.util.Map.of("u", requiredUserId))
                .query(Row.class)
                .optional();
        if (latest.isEmpty()) {
            throw new ApiException(ErrorCode.CODE_NOT_EXIST);
        }
        Row row = latest.get();
        boolean matches = code != null && Secrets.constantTimeEquals(Secrets.sha256(code.trim().toUpperCase()), row.code());
        if (!Boolean.TRUE.equals(row.active())) {
            throw new ApiException(matches ? ErrorCode.CODE_ALREADY_USED : ErrorCode.CODE_NOT_EXIST);
        }
        if (!matches) {
            int attempts = row.attempts() + 1;
            jdbc.sql("UPDATE " + purpose.table + " SET attempts = :a, active = :alive, updated_at = now() WHERE id = :id")
                    .param("a", attempts).param("alive", attempts < properties.codeMaxAttempts()).param("id", row.id()).update();
            throw new ApiException(ErrorCode.CODE_NOT_EXIST);
        }
        if (row.expired()) {
            throw new ApiException(ErrorCode.CODE_HAS_EXPIRED);
        }
        jdbc.sql("UPDATE " + purpose.table + " SET active = false, updated_at = now() WHERE id = :id").param("id", row.id()).update();
        return row.userId();
    }
}

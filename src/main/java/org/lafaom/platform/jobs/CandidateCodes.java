package org.lafaom.platform.jobs;

import java.util.Optional;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The codes a candidate receives by e-mail to change their application, in the legacy
 * {@code job_application_codes} table: six digits from a secure random source, stored hashed,
 * expiring, one live code per application (a new one revokes the others), single use, dead after
 * too many wrong tries. Methods join the caller's transaction and are deliberately not
 * transactional themselves: a wrong try must be recorded even though the request fails, which the
 * caller's transaction allows by not rolling back on {@link WrongCode}.
 */
@Component
class CandidateCodes {

    /** The code is not the live code of that application (wrong, expired, used or burnt). */
    static final class WrongCode extends ApiException {
        WrongCode() {
            super(ErrorCode.INVALID_OTP_OR_APPLICATION_NOT_FOUND);
        }
    }

    private record Live(int id, String code, boolean expired, int attempts) {}

    private final JdbcClient jdbc;
    private final JobsProperties properties;

    CandidateCodes(JdbcClient jdbc, JobsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Revokes the application's earlier codes and returns a new one (only its hash is kept). */
    String issue(int applicationId, String email) {
        jdbc.sql("UPDATE job_application_codes SET active = false, updated_at = now() WHERE application_id = :a AND active")
                .param("a", applicationId).update();
        String code = Tokens.sixDigits();
        jdbc.sql("""
                INSERT INTO job_application_codes (created_at, updated_at, application_id, email, code, end_time, active, attempts)
                VALUES (now(), now(), :a, :e, :c, now() + make_interval(secs => :ttl), true, 0)""")
                .param("a", applicationId).param("e", email.trim().toLowerCase(java.util.Locale.ROOT))
                .param("c", hash(applicationId, code)).param("ttl", properties.otpTtl().toSeconds()).update();
        return code;
    }

    /** Uses up the live code if {@code code} is it; otherwise counts the try and throws {@link WrongCode}. */
    void consume(int applicationId, String code) {
        Optional<Live> live = jdbc.sql("""
                SELECT id, code, end_time <= now() AS expired, attempts FROM job_application_codes
                WHERE application_id = :a AND active AND delete_at IS NULL ORDER BY id DESC LIMIT 1 FOR UPDATE""")
                .param("a", applicationId).query(Live.class).optional();
        if (live.isEmpty()) {
            throw new WrongCode();
        }
        Live row = live.get();
        if (row.expired()) {
            deactivate(row.id());
            throw new WrongCode();
        }
        if (code == null || !Tokens.sameHash(hash(applicationId, code.trim()), row.code())) {
            int attempts = row.attempts() + 1;
            jdbc.sql("UPDATE job_application_codes SET attempts = :n, active = :alive, updated_at = now() WHERE id = :id")
                    .param("n", attempts).param("alive", attempts < properties.otpMaxAttempts()).param("id", row.id()).update();
            throw new WrongCode();
        }
        deactivate(row.id());
    }

    int minutesValid() {
        return (int) properties.otpTtl().toMinutes();
    }

    private void deactivate(int id) {
        jdbc.sql("UPDATE job_application_codes SET active = false, updated_at = now() WHERE id = :id").param("id", id).update();
    }

    /** Salted by the application, so equal codes of two applications do not share a hash. */
    private static String hash(int applicationId, String code) {
        return Tokens.sha256(applicationId + ":" + code);
    }
}

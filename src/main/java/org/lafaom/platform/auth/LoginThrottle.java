package org.lafaom.platform.auth;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account and per client address in PostgreSQL, so every replica sees
 * the same counts. Past the limit within the window, that key is locked out for a while (429).
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final AuthProperties.Throttle settings;

    LoginThrottle(JdbcClient jdbc, AuthProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties.throttle();
    }

    static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    /** Throws {@code too_many_requests} while any of the keys is locked out. */
    void check(String... keys) {
        Optional<OffsetDateTime> lockedUntil = jdbc.sql(
                        "SELECT max(locked_until) FROM auth_login_throttle WHERE throttle_key IN (:k) AND locked_until > now()")
                .param("k", List.of(keys))
                .query(OffsetDateTime.class)
                .optional();
        if (lockedUntil.isPresent()) {
            long seconds = Math.max(1, Duration.between(OffsetDateTime.now(), lockedUntil.get()).toSeconds());
            throw new ThrottledException(seconds);
        }
    }

    /** Records a failure in its own transaction, so it counts even when the request fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordFailure(String accountKey, String addressKey) {
        bump(accountKey, settings.accountFailures());
        bump(addressKey, settings.addressFailures());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void reset(String accountKey) {
        jdbc.sql("DELETE FROM auth_login_throttle WHERE throttle_key = :k").param("k", accountKey).update();
    }

    @Scheduled(fixedDelayString = "1h", initialDelayString = "10m")
    void purgeStale() {
        jdbc.sql("DELETE FROM auth_login_throttle WHERE window_start < now() - make_interval(secs => :w) AND (locked_until IS NULL OR locked_until < now())")
                .param("w", settings.window().toSeconds()).update();
    }

    private void bump(String key, int limit) {
        jdbc.sql("""
                INSERT INTO auth_login_throttle AS t (throttle_key, window_start, failures, locked_until)
                VALUES (:k, now(), 1, CASE WHEN 1 >= :limit THEN now() + make_interval(secs => :lock) END)
                ON CONFLICT (throttle_key) DO UPDATE SET
                    failures = CASE WHEN t.window_start < now() - make_interval(secs => :w) THEN 1 ELSE t.failures + 1 END,
                    window_start = CASE WHEN t.window_start < now() - make_interval(secs => :w) THEN now() ELSE t.window_start END,
                    locked_until = CASE
                        WHEN (CASE WHEN t.window_start < now() - make_interval(secs => :w) THEN 1 ELSE t.failures + 1 END) >= :limit
                        THEN now() + make_interval(secs => :lock) ELSE t.locked_until END""")
                .param("k", key)
                .param("limit", limit)
                .param("w", settings.window().toSeconds())
                .param("lock", settings.lockout().toSeconds())
                .update();
    }

    /** Sign-in refused for now; {@code retryAfterSeconds} goes into the Retry-After header. */
    static class ThrottledException extends ApiException {
        private final long retryAfterSeconds;

        ThrottledException(long retryAfterSeconds) {
            super(ErrorCode.TOO_MANY_REQUESTS);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public Long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}

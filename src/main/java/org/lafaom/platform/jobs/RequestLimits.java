package org.lafaom.platform.jobs;

import java.time.Duration;
import org.lafaom.platform.shared.TooManyRequests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed-window counters in PostgreSQL for the public routes (shared by every replica). A hit past
 * the limit answers 429 with Retry-After; the hit counts even when the request then fails.
 */
@Component
class RequestLimits {

    private final JdbcClient jdbc;

    RequestLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = TooManyRequests.class)
    void hit(String key, int limit, Duration window) {
        long secondsLeft = jdbc.sql("""
                INSERT INTO jobs_request_limit AS l (limit_key, window_start, hits) VALUES (:k, now(), 1)
                ON CONFLICT (limit_key) DO UPDATE SET
                    hits = CASE WHEN l.window_start < now() - make_interval(secs => :w) THEN 1 ELSE l.hits + 1 END,
                    window_start = CASE WHEN l.window_start < now() - make_interval(secs => :w) THEN now() ELSE l.window_start END
                RETURNING CASE WHEN hits > :limit
                    THEN greatest(1, ceil(extract(epoch FROM window_start + make_interval(secs => :w) - now())))::bigint ELSE 0 END""")
                .param("k", key.length() > 400 ? key.substring(0, 400) : key)
                .param("w", window.toSeconds())
                .param("limit", limit)
                .query(Long.class).single();
        if (secondsLeft > 0) {
            throw new TooManyRequests(secondsLeft);
        }
    }

    @Scheduled(fixedDelayString = "1h", initialDelayString = "15m")
    void purgeStale() {
        jdbc.sql("DELETE FROM jobs_request_limit WHERE window_start < now() - interval '1 day'").update();
    }
}

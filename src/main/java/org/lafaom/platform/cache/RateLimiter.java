package org.lafaom.platform.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/**
 * Fixed-window rate limits counted in Redis, so every replica shares one count per key. While
 * Redis is down each replica counts in its own memory instead: limits get looser (one window per
 * replica), never absent, and never make a request fail for Redis' sake.
 */
@Service
public class RateLimiter {

    /** The window's count after this hit, and the seconds left in the window. */
    private static final RedisScript<List> HIT = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            redis.call('EXPIRE', KEYS[1], ARGV[1], 'NX')
            return {n, redis.call('TTL', KEYS[1])}""", List.class);

    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final CacheProperties properties;
    private final Cache<String, LocalWindow> local = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofHours(1)).build();

    RateLimiter(StringRedisTemplate redis, RedisGuard guard, CacheProperties properties) {
        this.redis = redis;
        this.guard = guard;
        this.properties = properties;
    }

    /** The outcome of one attempt: allowed, or refused with the seconds until the window ends. */
    public record Decision(boolean allowed, long retryAfterSeconds) {}

    /** Counts one attempt of {@code key} in {@code bucket}; at most {@code limit} per {@code window}. */
    public Decision hit(String bucket, String key, int limit, Duration window) {
        String redisKey = properties.keyPrefix() + "rate:" + bucket + ":" + key;
        long seconds = Math.max(1, window.toSeconds());
        Optional<List> shared = guard.call(() -> redis.execute(HIT, List.of(redisKey), String.valueOf(seconds)));
        if (shared.isPresent() && shared.get().size() == 2) {
            long count = ((Number) shared.get().get(0)).longValue();
            long ttl = ((Number) shared.get().get(1)).longValue();
            return new Decision(count <= limit, count <= limit ? 0 : Math.max(1, ttl));
        }
        return localHit(redisKey, limit, window);
    }

    private Decision localHit(String key, int limit, Duration window) {
        long now = System.nanoTime();
        LocalWindow w = local.asMap().compute(key, (k, old) ->
                old == null || now - old.startNanos >= window.toNanos() ? new LocalWindow(now) : old);
        long count = w.count.incrementAndGet();
        long left = Math.max(1, (window.toNanos() - (now - w.startNanos)) / 1_000_000_000L);
        return new Decision(count <= limit, count <= limit ? 0 : left);
    }

    private static final class LocalWindow {
        final long startNanos;
        final AtomicLong count = new AtomicLong();

        LocalWindow(long startNanos) {
            this.startNanos = startNanos;
        }
    }
}

package org.lafaom.platform.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.lafaom.platform.shared.AfterTransaction;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * A read-through cache shared by every replica. Entries live in one Redis hash per group (for
 * example {@code catalogue}), so a write evicts every list and detail of its group with one
 * {@code DEL}; the hash expires {@code lafaom.cache.ttl} after it was created, which bounds how
 * stale an entry can be even if an eviction was missed. Without Redis every read goes to the loader.
 */
@Service
public class SharedCache {

    /** Stores a field and starts the hash's clock only when the hash is new (EXPIRE NX, Redis 7). */
    private static final RedisScript<Long> PUT = RedisScript.of("""
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('EXPIRE', KEYS[1], ARGV[3], 'NX')
            return 1""", Long.class);

    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final ObjectMapper mapper;
    private final CacheProperties properties;
    private final Counter hits;
    private final Counter misses;

    SharedCache(StringRedisTemplate redis, RedisGuard guard, ObjectMapper mapper, CacheProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.guard = guard;
        this.mapper = mapper;
        this.properties = properties;
        this.hits = Counter.builder("lafaom.cache.requests").tag("result", "hit").register(meters);
        this.misses = Counter.builder("lafaom.cache.requests").tag("result", "miss").register(meters);
    }

    /**
     * Opens the Redis connection at start-up, so the first request does not pay for it. A cold JVM
     * can miss the short command timeout during the handshake, hence a few tries; if Redis is
     * really down the service starts anyway and the guard takes over.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warmUp() {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                redis.execute((org.springframework.data.redis.core.RedisCallback<String>) c -> c.ping());
                return;
            } catch (RuntimeException e) {
                // retried, then left to the guard
            }
        }
    }

    /** The cached value of {@code key} in {@code group}, or what {@code loader} returns (then cached). */
    public <T> T get(String group, String key, TypeReference<T> type, Supplier<T> loader) {
        String hash = hashKey(group);
        Optional<String> cached = guard.call(() -> redis.<String, String>opsForHash().get(hash, key));
        if (cached.isPresent()) {
            hits.increment();
            return mapper.readValue(cached.get(), type);
        }
        misses.increment();
        T value = loader.get();
        if (value != null) {
            String json = mapper.writeValueAsString(value);
            guard.run(() -> redis.execute(PUT, List.of(hash), key, json, String.valueOf(properties.ttl().toSeconds())));
        }
        return value;
    }

    /**
     * Drops every entry of the groups, now and again after the surrounding transaction ends, so a
     * read that loaded the old rows between the two cannot keep them cached.
     */
    public void evict(String... groups) {
        List<String> keys = Arrays.stream(groups).map(this::hashKey).toList();
        AfterTransaction.nowAndAtEnd(() -> guard.run(() -> redis.delete(keys)));
    }

    private String hashKey(String group) {
        return properties.keyPrefix() + "cache:" + group;
    }
}

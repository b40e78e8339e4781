package org.lafaom.platform.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Runs a Redis call and turns any failure into "no answer": the caller then uses the database or
 * local state. After a failure Redis is skipped for {@code lafaom.cache.retry-after}, and the
 * outage is logged once, not once per request.
 */
@Component
class RedisGuard {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

    private final CacheProperties properties;
    private final Counter errors;
    private volatile long skipUntilNanos;
    private volatile boolean down;

    RedisGuard(CacheProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.errors = Counter.builder("lafaom.cache.redis.errors").description("Redis calls that failed and fell back").register(meters);
    }

    <T> Optional<T> call(Supplier<T> redisCall) {
        if (!properties.enabled() || System.nanoTime() < skipUntilNanos) {
            return Optional.empty();
        }
        try {
            T value = redisCall.get();
            if (down) {
                down = false;
                log.info("Redis answers again; shared cache and rate limits are back");
            }
            return Optional.ofNullable(value);
        } catch (RuntimeException e) {
            errors.increment();
            skipUntilNanos = System.nanoTime() + properties.retryAfter().toNanos();
            if (!down) {
                down = true;
                log.warn("Redis is unavailable ({}); reading from the database and limiting in memory for now", e.getMessage());
            }
            return Optional.empty();
        }
    }

    void run(Runnable redisCall) {
        call(() -> {
            redisCall.run();
            return Boolean.TRUE;
        });
    }

    /**
     * Commands fail at once while disconnected instead of queueing until Redis returns, and never
     * wait longer than the command timeout: a slow Redis must not slow requests down.
     */
    @Configuration(proxyBeanMethods = false)
    static class ClientSettings {
        @Bean
        LettuceClientOptionsBuilderCustomizer failFastRedisClient(
                @Value("${spring.data.redis.timeout:250ms}") Duration timeout,
                @Value("${spring.data.redis.connect-timeout:1s}") Duration connectTimeout) {
            return builder -> builder
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .autoReconnect(true)
                    .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
                    .timeoutOptions(TimeoutOptions.enabled(timeout));
        }
    }
}

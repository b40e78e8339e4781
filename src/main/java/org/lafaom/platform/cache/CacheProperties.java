package org.lafaom.platform.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ttl} bounds how stale a cached read can be on a replica that did not make the change
 * (the replica that writes evicts at once). After a Redis failure, Redis is left alone for
 * {@code retryAfter}, so an outage costs one timeout per interval instead of one per request.
 */
@ConfigurationProperties("lafaom.cache")
record CacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration ttl,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("lafaom:") String keyPrefix) {}

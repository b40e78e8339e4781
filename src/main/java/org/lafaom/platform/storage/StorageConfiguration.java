package org.lafaom.platform.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The object store chosen by {@code lafaom.uploads.backend}, and its health for readiness. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    ObjectStore objectStore(StorageProperties properties) {
        ObjectStore store = switch (properties.backend()) {
            case LOCAL -> new LocalObjectStore(properties.dir());
            case S3 -> S3ObjectStore.create(properties.s3());
        };
        log.info("Uploads are stored in the {}", store.describe());
        return store;
    }

    /**
     * Part of readiness ("storage"): with S3, the bucket answers a HEAD with these credentials; the
     * local folder is always up (a full disk shows as failed uploads and in the disk metrics).
     */
    @Bean
    HealthIndicator storageHealthIndicator(ObjectStore objects, StorageProperties properties) {
        String backend = properties.backend().name().toLowerCase(java.util.Locale.ROOT);
        return () -> {
            try {
                objects.checkReachable();
                return Health.up().withDetail("backend", backend).build();
            } catch (RuntimeException e) {
                log.warn("Upload storage not reachable ({}): {}", objects.describe(), e.getMessage());
                return Health.down().withDetail("backend", backend).withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}

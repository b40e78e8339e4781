package org.lafaom.platform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * RS256 signing keys, kept in PostgreSQL so every replica signs and verifies with the same keys.
 *
 * <p>Life of a key: published in the JWKS at {@code publish_at}; signs from {@code activate_at}
 * (at least {@code keyPrepublish} later, so relying parties that cache the JWKS, such as Moodle for
 * an hour, already know it); superseded at {@code retire_at} when its successor activates; stays
 * published until {@code unpublish_at}, when every token it signed has expired.
 */
@Component
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration CACHE_LIFE = Duration.ofSeconds(30);
    private static final Duration UNPUBLISH_MARGIN = Duration.ofMinutes(10);

    record StoredKey(String kid, RSAKey key, Instant publishAt, Instant activateAt, Instant retireAt, Instant unpublishAt) {

        boolean publishedAt(Instant now) {
            return !publishAt.isAfter(now) && (unpublishAt == null || unpublishAt.isAfter(now));
        }
    }

    private record Row(String kid, byte[] privateKeyEnc, OffsetDateTime publishAt, OffsetDateTime activateAt,
            OffsetDateTime retireAt, OffsetDateTime unpublishAt) {}

    private record Snapshot(List<StoredKey> keys, Instant loadedAt) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KeyEncryption encryption;
    private final AuthProperties properties;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Instant.EPOCH);

    SigningKeys(JdbcClient jdbc, TransactionTemplate tx, KeyEncryption encryption, AuthProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.encryption = encryption;
        this.properties = properties;
        this.clock = clock;
    }

    /** The key that signs now: the most recently activated one. */
    StoredKey signingKey() {
        Instant now = clock.instant();
        return keys().stream()
                .filter(k -> !k.activateAt().isAfter(now) && k.publishedAt(now))
                .max(Comparator.comparing(StoredKey::activateAt))
                .orElseGet(() -> {
                    rotate();
                    return reload().stream()
                            .filter(k -> !k.activateAt().isAfter(clock.instant()))
                            .max(Comparator.comparing(StoredKey::activateAt))
                            .orElseThrow(() -> new IllegalStateException("No signing key available"));
                });
    }

    /** A published key by id, reloading once in case another replica just added it. */
    Optional<StoredKey> verificationKey(String kid) {
        Instant now = clock.instant();
        Optional<StoredKey> found = keys().stream().filter(k -> k.kid().equals(kid) && k.publishedAt(now)).findFirst();
        if (found.isEmpty() && snapshot.loadedAt().isBefore(now.minusSeconds(5))) {
            found = reload().stream().filter(k -> k.kid().equals(kid) && k.publishedAt(now)).findFirst();
        }
        return found;
    }

    /** Public parts of every published key. {@link JWKSet#toPublicJWKSet()} drops private parameters. */
    JWKSet publicJwks() {
        Instant now = clock.instant();
        List<JWK> published = keys().stream()
                .filter(k -> k.publishedAt(now))
                .sorted(Comparator.comparing(StoredKey::activateAt).reversed())
                .map(k -> (JWK) k.key())
                .toList();
        return new JWKSet(published).toPublicJWKSet();
    }

    /** Creates, activates and retires keys as their schedule says. Safe to run on every replica. */
    @Scheduled(initialDelayString = "0", fixedDelayString = "${lafaom.auth.key-check-interval:10m}")
    void rotate() {
        tx.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(7261002)").query(Object.class).single();
            Instant now = clock.instant();
            List<StoredKey> all = load();
            Optional<StoredKey> active = all.stream().filter(k -> !k.activateAt().isAfter(now))
                    .max(Comparator.comparing(StoredKey::activateAt));
            boolean pending = all.stream().anyMatch(k -> k.activateAt().isAfter(now));
            if (active.isEmpty() && !pending) {
                // First start: nobody can have cached a JWKS yet, so the first key signs at once.
                insert(now, now);
            } else if (!pending && !active.get().activateAt().plus(properties.keyRotationInterval())
                    .minus(properties.keyPrepublish()).isAfter(now)) {
                insert(now, now.plus(properties.keyPrepublish()));
            }
            retireSuperseded(now, all);
            jdbc.sql("DELETE FROM auth_signing_key WHERE unpublish_at < :limit")
                    .param("limit", at(now.minus(Duration.ofDays(1)))).update();
        });
        reload();
    }

    private void retireSuperseded(Instant now, List<StoredKey> all) {
        List<StoredKey> started = all.stream().filter(k -> !k.activateAt().isAfter(now))
                .sorted(Comparator.comparing(StoredKey::activateAt)).toList();
        for (int i = 0; i < started.size() - 1; i++) {
            StoredKey old = started.get(i);
            if (old.retireAt() == null) {
                Instant retire = started.get(i + 1).activateAt();
                Instant unpublish = retire.plus(longestTokenLife()).plus(UNPUBLISH_MARGIN);
                jdbc.sql("UPDATE auth_signing_key SET retire_at = :r, unpublish_at = :u WHERE kid = :kid")
                        .param("r", at(retire)).param("u", at(unpublish)).param("kid", old.kid()).update();
                log.info("Signing key {} retired; published until {}", old.kid(), unpublish);
            }
        }
    }

    private Duration longestTokenLife() {
        Duration access = properties.accessTokenTtl();
        return access.compareTo(properties.machineTokenTtl()) >= 0 ? access : properties.machineTokenTtl();
    }

    private void insert(Instant publishAt, Instant activateAt) {
        String kid = UUID.randomUUID().toString();
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            jdbc.sql("""
                    INSERT INTO auth_signing_key (kid, public_jwk, private_key_enc, publish_at, activate_at)
                    VALUES (:kid, :pub, :priv, :publish, :activate)""")
                    .param("kid", kid)
                    .param("pub", key.toPublicJWK().toJSONString())
                    .param("priv", encryption.encrypt(key.toJSONString().getBytes(StandardCharsets.UTF_8), kid))
                    .param("publish", at(publishAt))
                    .param("activate", at(activateAt))
                    .update();
            log.info("New signing key {} published, signs from {}", kid, activateAt);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<StoredKey> keys() {
        Snapshot s = snapshot;
        if (s.loadedAt().isBefore(clock.instant().minus(CACHE_LIFE))) {
            return reload();
        }
        return s.keys();
    }

    private List<StoredKey> reload() {
        List<StoredKey> keys = load();
        snapshot = new Snapshot(keys, clock.instant());
        return keys;
    }

    private List<StoredKey> load() {
        return jdbc.sql("SELECT kid, private_key_enc, publish_at, activate_at, retire_at, unpublish_at FROM auth_signing_key")
                .query(Row.class)
                .list()
                .stream()
                .map(this::toKey)
                .toList();
    }

    private StoredKey toKey(Row row) {
        try {
            RSAKey key = RSAKey.parse(new String(encryption.decrypt(row.privateKeyEnc(), row.kid()), StandardCharsets.UTF_8));
            return new StoredKey(row.kid(), key, row.publishAt().toInstant(), row.activateAt().toInstant(),
                    row.retireAt() == null ? null : row.retireAt().toInstant(),
                    row.unpublishAt() == null ? null : row.unpublishAt().toInstant());
        } catch (ParseException e) {
            throw new IllegalStateException("Unreadable signing key " + row.kid(), e);
        }
    }

    /** PostgreSQL keeps microseconds and rounds; truncating first keeps "activates at now" true. */
    private static OffsetDateTime at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }
}

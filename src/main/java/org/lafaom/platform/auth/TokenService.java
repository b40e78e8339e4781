package org.lafaom.platform.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.lafaom.platform.shared.WebProperties;
import org.springframework.stereotype.Service;

/**
 * Mints and verifies this service's RS256 JWTs. Every token carries {@code kid}, {@code iss},
 * {@code aud}, {@code sub}, {@code iat}, {@code nbf}, {@code exp} and {@code jti}.
 */
@Service
public class TokenService {

    static final String MACHINE_PREFIX = "svc:";

    private final SigningKeys keys;
    private final AuthProperties properties;
    private final Clock clock;
    private final String issuer;
    private final Map<String, RSASSASigner> signers = new ConcurrentHashMap<>();
    private final Map<String, RSASSAVerifier> verifiers = new ConcurrentHashMap<>();
    /** About 1 KB a token: 5 000 bound it to a few MB of heap; a token pushed out is verified again. */
    private final Cache<String, VerifiedToken> verified = Caffeine.newBuilder()
            .maximumSize(5_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();
    private static final int MAX_TOKEN_LENGTH = 8192;

    TokenService(SigningKeys keys, AuthProperties properties, WebProperties web, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.issuer = web.publicUrlWithoutSlash();
    }

    /** A signed token and when it expires. */
    public record IssuedToken(String token, String jti, Instant expiresAt, long expiresInSeconds) {}

    /** Verified claims of one of our tokens. */
    record VerifiedToken(String subject, String jti, Instant issuedAt, Instant expiresAt, List<String> scopes) {

        boolean isMachine() {
            return subject.startsWith(MACHINE_PREFIX);
        }
    }

    IssuedToken accessToken(String userId) {
        return sign(userId, properties.audience(), properties.accessTokenTtl(), Map.of("token_use", "access"));
    }

    IssuedToken machineToken(String clientId, String audience, List<String> scopes) {
        return sign(MACHINE_PREFIX + clientId, audience, properties.machineTokenTtl(),
                Map.of("token_use", "access", "scope", String.join(" ", scopes), "client_id", clientId));
    }

    /** Signs a token for another relying party, with its own audience and claims. */
    public IssuedToken sign(String subject, String audience, Duration ttl, Map<String, Object> extraClaims) {
        return sign(issuer, subject, audience, ttl, extraClaims);
    }

    /** As {@link #sign(String, String, Duration, Map)} with another issuer (Moodle expects its SSO URL). */
    IssuedToken sign(String tokenIssuer, String subject, String audience, Duration ttl, Map<String, Object> extraClaims) {
        SigningKeys.StoredKey key = keys.signingKey();
        Instant now = clock.instant();
        Instant exp = now.plus(ttl);
        String jti = UUID.randomUUID().toString();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(tokenIssuer)
                .audience(audience)
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(exp))
                .jwtID(jti)
                // iat has whole seconds; revocation ("log out everywhere") needs the exact instant.
                .claim("iat_ms", now.toEpochMilli());
        extraClaims.forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(signers.computeIfAbsent(key.kid(), k -> newSigner(key)));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing failed", e);
        }
        return new IssuedToken(jwt.serialize(), jti, exp, ttl.toSeconds());
    }

    /**
     * Checks signature, algorithm, issuer, our audience and the time window; empty if anything fails.
     * A token whose signature and claims were already checked is remembered (by its exact text) until
     * it expires, so the RSA verification runs once per token rather than once per request; the time
     * window is checked again at every use.
     */
    Optional<VerifiedToken> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        VerifiedToken known = verified.getIfPresent(token);
        if (known != null) {
            return withinLifetime(known) ? Optional.of(known) : Optional.empty();
        }
        Optional<VerifiedToken> checked = verifySignatureAndClaims(token);
        checked.ifPresent(t -> verified.put(token, t));
        return checked;
    }

    private boolean withinLifetime(VerifiedToken token) {
        return !token.expiresAt().plus(properties.clockSkew()).isBefore(clock.instant());
    }

    private Optional<VerifiedToken> verifySignatureAndClaims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            Optional<SigningKeys.StoredKey> key = keys.verificationKey(jwt.getHeader().getKeyID());
            if (key.isEmpty() || !jwt.verify(verifiers.computeIfAbsent(key.get().kid(), k -> newVerifier(key.get())))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Duration skew = properties.clockSkew();
            if (!issuer.equals(claims.getIssuer())
                    || claims.getAudience() == null
                    || !claims.getAudience().contains(properties.audience())
                    || claims.getExpirationTime() == null
                    || claims.getExpirationTime().toInstant().plus(skew).isBefore(now)
                    || (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().minus(skew).isAfter(now))
                    || claims.getSubject() == null
                    || claims.getJWTID() == null
                    || claims.getIssueTime() == null
                    || !"access".equals(claims.getClaim("token_use"))) {
                return Optional.empty();
            }
            String scope = claims.getStringClaim("scope");
            Long issuedMs = claims.getLongClaim("iat_ms");
            Instant issuedAt = issuedMs == null ? claims.getIssueTime().toInstant() : Instant.ofEpochMilli(issuedMs);
            return Optional.of(new VerifiedToken(claims.getSubject(), claims.getJWTID(), issuedAt,
                    claims.getExpirationTime().toInstant(), scope == null || scope.isBlank() ? List.of() : List.of(scope.split(" "))));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static RSASSASigner newSigner(SigningKeys.StoredKey key) {
        try {
            return new RSASSASigner(key.key());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSASSAVerifier newVerifier(SigningKeys.StoredKey key) {
        try {
            return new RSASSAVerifier(key.key().toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

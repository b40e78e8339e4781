package org.lafaom.platform.jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.lafaom.platform.shared.SecretTokens;

/** Random codes and link tokens, and the hashes under which they are stored. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    /** Six decimal digits from a cryptographic source, leading zeros kept. */
    static String sixDigits() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    static String opaque() {
        return SecretTokens.opaque();
    }

    static String sha256(String value) {
        return SecretTokens.sha256(value);
    }

    static boolean sameHash(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}

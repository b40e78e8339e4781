package org.lafaom.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.lafaom.platform.shared.SecretTokens;

/** Random tokens and codes, and the one-way hashes under which they are stored. */
final class Secrets {

    /** No 0/O or 1/I: codes are read from an e-mail and typed by hand. */
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    static String opaqueToken() {
        return SecretTokens.opaque();
    }

    static String code(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    static String sha256(String value) {
        return SecretTokens.sha256(value);
    }

    static boolean constantTimeEquals(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}

package org.lafaom.platform.users;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * New passwords are hashed with Argon2id (OWASP's 19 MiB, 2 passes, 1 lane). Hashes inherited from
 * the old backend are passlib bcrypt ({@code $2b$}); they still verify, and {@link #needsUpgrade}
 * tells the login to re-hash them with Argon2id.
 */
@Component
public class PasswordHasher {

    private static final int MIN_LENGTH = 8;
    private static final int MAX_LENGTH = 128;

    private final Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    /**
     * Verified against when the account does not exist, so both answers take the same time. Made on
     * first use, not at start-up, where it cost half a second of a cold JVM.
     */
    private volatile String decoy;

    public String hash(String password) {
        return argon2.encode(password);
    }

    public boolean matches(String password, String storedHash) {
        if (password == null || password.length() > MAX_LENGTH) {
            return false;
        }
        if (storedHash == null) {
            argon2.matches(password, decoy());
            return false;
        }
        if (isBcrypt(storedHash)) {
            return bcrypt.matches(password, storedHash);
        }
        return argon2.matches(password, storedHash);
    }

    private String decoy() {
        String made = decoy;
        if (made == null) {
            made = argon2.encode("decoy-password-for-unknown-accounts");
            decoy = made;
        }
        return made;
    }

    public boolean needsUpgrade(String storedHash) {
        return storedHash != null && !storedHash.startsWith("$argon2id$");
    }

    public static boolean isAcceptable(String password) {
        return password != null && password.length() >= MIN_LENGTH && password.length() <= MAX_LENGTH;
    }

    private static boolean isBcrypt(String hash) {
        return hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$");
    }
}

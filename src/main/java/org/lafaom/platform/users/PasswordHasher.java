package org.lafaom.platform.users;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * New passwords are hashed with Argon2id, 9 MiB, 4 passes, 1 lane: one of the settings OWASP's
 * password storage cheat sheet lists as giving the same defence as 19 MiB and 2 passes, at the same
 * CPU cost for half the memory. Every hash in flight holds its whole memory on the Java heap, and
 * sign-ins are what made the heap of a small server grow; see docs/performance.md.
 *
 * <p>Hashes inherited from the old backend are passlib bcrypt ({@code $2b$}); they still verify, as
 * do Argon2id hashes made with earlier settings, and {@link #needsUpgrade} tells the login to
 * re-hash both with the current setting.
 *
 * <p>At most one hash per processor runs at a time: more would not finish sooner on the same cores,
 * only hold more memory, so a burst of sign-ins queues here instead of filling the heap.
 */
@Component
public class PasswordHasher {

    private static final int MIN_LENGTH = 8;
    private static final int MAX_LENGTH = 128;
    private static final int MEMORY_KIB = 9 * 1024;
    private static final int PASSES = 4;
    private static final String CURRENT_PREFIX = "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=1$";

    private final Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, PASSES);
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final Semaphore hashingSlots = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    /**
     * Verified against when the account does not exist, so both answers take the same time. Made on
     * first use, not at start-up, where it cost half a second of a cold JVM.
     */
    private volatile String decoy;

    public String hash(String password) {
        return inSlot(() -> argon2.encode(password));
    }

    public boolean matches(String password, String storedHash) {
        if (password == null || password.length() > MAX_LENGTH) {
            return false;
        }
        if (storedHash == null) {
            String decoyHash = decoy();
            inSlot(() -> argon2.matches(password, decoyHash));
            return false;
        }
        if (isBcrypt(storedHash)) {
            return inSlot(() -> bcrypt.matches(password, storedHash));
        }
        return inSlot(() -> argon2.matches(password, storedHash));
    }

    private String decoy() {
        String made = decoy;
        if (made == null) {
            made = hash("decoy-password-for-unknown-accounts");
            decoy = made;
        }
        return made;
    }

    /** True for bcrypt hashes and for Argon2id hashes made with other settings than today's. */
    public boolean needsUpgrade(String storedHash) {
        return storedHash != null && !storedHash.startsWith(CURRENT_PREFIX);
    }

    public static boolean isAcceptable(String password) {
        return password != null && password.length() >= MIN_LENGTH && password.length() <= MAX_LENGTH;
    }

    private <T> T inSlot(Supplier<T> work) {
        hashingSlots.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            hashingSlots.release();
        }
    }

    private static boolean isBcrypt(String hash) {
        return hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$");
    }
}

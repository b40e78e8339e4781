package org.lafaom.platform.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for something that background work makes true. The limit only stops a test that would
 * otherwise hang; nothing is asserted about how fast it happened.
 */
public final class Eventually {

    private Eventually() {}

    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Never happened: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for: " + what);
            }
        }
    }
}

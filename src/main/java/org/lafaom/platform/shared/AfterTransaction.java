package org.lafaom.platform.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work tied to the end of the surrounding transaction (or done at once when there is none). */
public final class AfterTransaction {

    private AfterTransaction() {}

    /** Runs now and again when the transaction ends: for cache evictions that a concurrent read could undo. */
    public static void nowAndAtEnd(Runnable action) {
        action.run();
        register(action, -1);
    }

    /** Runs once the transaction committed (at once without a transaction): for side effects that must not outlive a rollback. */
    public static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        register(action, TransactionSynchronization.STATUS_COMMITTED);
    }

    /** Runs if the transaction rolls back: for undoing what the database cannot (a stored file). */
    public static void afterRollback(Runnable action) {
        register(action, TransactionSynchronization.STATUS_ROLLED_BACK);
    }

    private static void register(Runnable action, int onStatus) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (onStatus < 0 || status == onStatus) {
                    action.run();
                }
            }
        });
    }
}

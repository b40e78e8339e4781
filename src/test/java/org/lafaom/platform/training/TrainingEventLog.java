package org.lafaom.platform.training;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Test-only listener that records the training module's events and whether each was published
 * inside a transaction, as Moodle provisioning needs (it schedules its tasks in that transaction).
 */
@Component
public class TrainingEventLog {

    public record Entry(Object event, boolean inTransaction) {}

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @EventListener({TrainingSessionCreated.class, TrainingSessionChanged.class, TrainingSessionDeleted.class,
            SessionParticipantJoined.class, SessionParticipantLeft.class})
    void on(Object event) {
        entries.add(new Entry(event, TransactionSynchronizationManager.isActualTransactionActive()));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public <T> List<T> of(Class<T> type) {
        return entries.stream().map(Entry::event).filter(type::isInstance).map(type::cast).toList();
    }
}

package org.lafaom.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Eventually;
import org.lafaom.platform.support.IntegrationTest;
import org.lafaom.platform.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class MailQueueIntegrationTests extends IntegrationTest {

    @Autowired
    MailQueue queue;

    @Autowired
    TransactionTemplate tx;

    @Test
    void whenTheCauseCommitsThenTheMailIsDeliveredOnceEvenIfQueuedTwice() {
        String to = uniqueEmail("queued");

        tx.executeWithoutResult(s -> {
            assertThat(queue.enqueue("welcome-" + to, to, MailTemplate.PASSWORD_CHANGED, "en", Map.of("first_name", "Awa"))).isTrue();
            assertThat(queue.enqueue("welcome-" + to, to, MailTemplate.PASSWORD_CHANGED, "en", Map.of("first_name", "Awa"))).isFalse();
        });

        Eventually.await("mail delivered to " + to, () -> !TestMail.to(to).isEmpty());
        Eventually.await("task completed", () -> pending("welcome-" + to) == 0);
        assertThat(TestMail.to(to)).hasSize(1);
        assertThat(TestMail.subject(TestMail.to(to).getFirst())).isEqualTo("Your LAFAOM-MAO password was changed");
        assertThat(TestMail.body(TestMail.to(to).getFirst())).contains("Hello Awa");
    }

    @Test
    void whenTheCauseRollsBackThenNoMailIsQueued() {
        String to = uniqueEmail("rolled-back");

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            queue.enqueue("rollback-" + to, to, MailTemplate.PASSWORD_CHANGED, "fr", Map.of("first_name", "Awa"));
            throw new IllegalStateException("the cause failed");
        })).hasMessage("the cause failed");

        assertThat(pending("rollback-" + to)).isZero();
        assertThat(TestMail.to(to)).isEmpty();
    }

    private long pending(String key) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_instance = :k").param("k", key).query(Long.class).single();
    }
}

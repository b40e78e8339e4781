package org.lafaom.platform.moodle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** {@code lafaom_moodle_sync{kind,status}}: rows of the sync view per state, refreshed every 15 s. */
@Component
class MoodleMetrics {

    private final MoodleSyncState state;
    private final MultiGauge sync;

    MoodleMetrics(MoodleSyncState state, MeterRegistry meters) {
        this.state = state;
        this.sync = MultiGauge.builder("lafaom.moodle.sync").description("Accounts, courses and enrolments per Moodle sync state")
                .register(meters);
    }

    @Scheduled(initialDelayString = "0", fixedDelayString = "${lafaom.tasks.metrics-interval:15s}")
    void refresh() {
        sync.register(state.counts().stream()
                .<MultiGauge.Row<?>>map(c -> MultiGauge.Row.of(Tags.of("kind", c.kind(), "status", c.status()), c.count()))
                .toList(), true);
    }
}

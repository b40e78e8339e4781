package org.lafaom.platform.cabinet;

import io.micrometer.core.instrument.MeterRegistry;
import org.lafaom.platform.shared.AfterTransaction;
import org.springframework.stereotype.Component;

/** {@code lafaom_cabinet_applications_total{event}}: created, link_resent, duplicate, paid, approved, rejected; counted once committed. */
@Component
class CabinetMetrics {

    private final MeterRegistry meters;

    CabinetMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(String event) {
        AfterTransaction.afterCommit(() -> meters.counter("lafaom.cabinet.applications", "event", event).increment());
    }
}

package org.lafaom.platform.dashboard;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The old backend's public health answer, kept bare for the clients that read it. */
@RestController
class DashboardHealthController {

    private final Clock clock;

    DashboardHealthController(Clock clock) {
        this.clock = clock;
    }

    record Health(String status, String message, LocalDateTime timestamp) {}

    @GetMapping("/api/v1/dashboard/health")
    Health health() {
        return new Health("healthy", "Dashboard API is working", LocalDateTime.now(clock));
    }
}

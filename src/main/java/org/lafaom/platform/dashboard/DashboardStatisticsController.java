package org.lafaom.platform.dashboard;

import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's statistics, bare JSON as the admin app reads them. The old backend served them
 * to anyone; they now need a signed-in staff member who may see the data they summarise.
 */
@RestController
@RequestMapping("/api/v1/dashboard")
class DashboardStatisticsController {

    private static final String STAFF = "hasAnyAuthority('can_view_user', 'can_view_training', 'can_view_student_application', "
            + "'can_view_payment')";

    private final DashboardStatistics statistics;

    DashboardStatisticsController(DashboardStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/basic-stats")
    @PreAuthorize(STAFF)
    Map<String, Object> basic() {
        return statistics.basic();
    }

    @GetMapping("/comprehensive-stats")
    @PreAuthorize(STAFF)
    Map<String, Object> comprehensive() {
        return statistics.comprehensive();
    }

    @GetMapping("/payment-stats")
    @PreAuthorize("hasAuthority('can_view_payment')")
    Map<String, Object> payments() {
        return statistics.payments();
    }
}

package org.lafaom.platform.moodle;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lafaom.platform.moodle.MoodleTasks.ReconcileRequest;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ApiResponse;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.lafaom.platform.tasks.BackgroundTasks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff view of Moodle provisioning: what is in step, what failed and why, and the levers to repair. */
@RestController
@RequestMapping("/api/v1/moodle")
class MoodleController {

    private static final Set<String> KINDS = Set.of("account", "course", "enrolment");
    private static final Set<String> STATUSES = Set.of("pending", "synced", "error", "configuration_error");
    private static final Set<String> ORDERS = Set.of("updated_at", "last_attempt_at", "synced_at", "attempts");

    record Summary(boolean configured, List<MoodleSyncState.Count> counts) {}

    record PushInput(@NotBlank String kind, @NotBlank String entityId) {}

    private final MoodleSyncState state;
    private final MoodleSync sync;
    private final MoodleProperties properties;
    private final BackgroundTasks tasks;
    private final OneTimeTask<ReconcileRequest> reconcileNow;

    MoodleController(MoodleSyncState state, MoodleSync sync, MoodleProperties properties, BackgroundTasks tasks,
            OneTimeTask<ReconcileRequest> moodleReconcileNowTask) {
        this.state = state;
        this.sync = sync;
        this.properties = properties;
        this.tasks = tasks;
        this.reconcileNow = moodleReconcileNowTask;
    }

    @GetMapping("/sync-status")
    @PreAuthorize("hasAuthority('can_manage_moodle')")
    PageResponse<MoodleSyncState.Row> list(
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "page_size", required = false) Integer pageSize,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String search,
            @RequestParam(name = "order_by", required = false) String orderBy,
            @RequestParam(required = false) String asc) {
        PageRequest request = PageRequest.of(page, pageSize, orderBy, asc, ORDERS, "updated_at", "desc");
        MoodleSyncState.Filter filter = new MoodleSyncState.Filter(
                known("kind", kind, KINDS), known("status", status, STATUSES), blankToNull(search));
        return PageResponse.of(state.list(filter, request), request, state.count(filter));
    }

    @GetMapping("/sync-status/summary")
    @PreAuthorize("hasAuthority('can_manage_moodle')")
    ApiResponse<Summary> summary() {
        return ApiResponse.ok("Moodle synchronisation", new Summary(properties.token() != null, state.counts()));
    }

    @PostMapping("/sync")
    @PreAuthorize("hasAuthority('can_manage_moodle')")
    ApiResponse<PushInput> pushAgain(@Valid @RequestBody PushInput input) {
        known("kind", input.kind(), KINDS);
        if (!sync.again(input.kind(), input.entityId().trim())) {
            throw ApiException.validation("body", "entity_id", "An enrolment is named '<user id>/<session id>'");
        }
        return ApiResponse.ok("Push scheduled", input);
    }

    @PostMapping("/reconcile")
    @PreAuthorize("hasAuthority('can_manage_moodle')")
    ApiResponse<Map<String, Object>> reconcile(@AuthenticationPrincipal CurrentUser me) {
        if (!properties.configured()) {
            throw new ApiException(ErrorCode.MOODLE_NOT_CONFIGURED);
        }
        String key = "staff-" + java.time.Instant.now().toEpochMilli();
        boolean scheduled = tasks.start(reconcileNow, key, new ReconcileRequest(me == null ? null : me.id()));
        return ApiResponse.ok("Reconciliation scheduled", Map.of("task_instance", key, "scheduled", scheduled));
    }

    private static String known(String field, String value, Set<String> allowed) {
        String v = blankToNull(value);
        if (v != null && !allowed.contains(v)) {
            throw ApiException.validation("query", field, field + " must be one of " + allowed.stream().sorted().toList());
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package org.lafaom.platform.reclamations;

import java.util.List;
import java.util.Set;
import org.lafaom.platform.reclamations.ReclamationViews.ReclamationFullOut;
import org.lafaom.platform.reclamations.ReclamationViews.ReclamationInput;
import org.lafaom.platform.reclamations.ReclamationViews.ReclamationOut;
import org.lafaom.platform.reclamations.ReclamationViews.TypeInput;
import org.lafaom.platform.reclamations.ReclamationViews.TypeOut;
import org.lafaom.platform.registration.StudentApplications;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.Choices;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.lafaom.platform.users.UserAccounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reclamations and their types. A student's reclamations are those about their own applications
 * (by application number, as in the old backend); staff see all of them.
 */
@Service
@Transactional(readOnly = true)
class Reclamations {

    static final Set<String> ORDERS = Set.of("created_at", "subject", "priority");

    private final ReclamationRepository reclamations;
    private final StudentApplications applications;
    private final UserAccounts accounts;

    Reclamations(ReclamationRepository reclamations, StudentApplications applications, UserAccounts accounts) {
        this.reclamations = reclamations;
        this.applications = applications;
        this.accounts = accounts;
    }

    PageResponse<ReclamationOut> list(ReclamationRepository.Filter filter, PageRequest page) {
        Choices.check("query", "status", filter.status(), ReclamationViews.STATUSES);
        Choices.check("query", "priority", filter.priority(), ReclamationViews.PRIORITIES);
        return PageResponse.of(reclamations.list(filter, page), page, reclamations.count(filter));
    }

    /** The student's own applications' numbers, which scope every "my reclamations" query. */
    List<String> numbersOf(String userId) {
        return applications.applicationNumbersOf(userId);
    }

    ReclamationFullOut get(int id, String ownerId) {
        return reclamations.find(id, ownerId == null ? null : numbersOf(ownerId))
                .orElseThrow(() -> new ApiException(ErrorCode.RECLAMATION_NOT_FOUND));
    }

    @Transactional
    ReclamationFullOut create(ReclamationInput in, String ownerId) {
        String priority = checked(in, ownerId);
        int id = reclamations.insert(reclamations.nextNumber(), in, priority);
        return get(id, null);
    }

    /** The student edits a reclamation nobody has closed yet. */
    @Transactional
    ReclamationFullOut update(int id, ReclamationInput in, String ownerId) {
        ReclamationFullOut current = get(id, ownerId);
        if (current.status().equals("CLOSED")) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "A closed reclamation can no longer be changed");
        }
        reclamations.update(id, in, checked(in, ownerId));
        return get(id, null);
    }

    @Transactional
    ReclamationFullOut delete(int id, String ownerId) {
        ReclamationFullOut current = get(id, ownerId);
        reclamations.softDelete(id);
        return current;
    }

    /** Staff move a reclamation; the one who does it becomes its handler unless another is named. */
    @Transactional
    ReclamationFullOut changeStatus(int id, String status, String adminId, String staffId) {
        Choices.require("body", "status", status, ReclamationViews.STATUSES);
        get(id, null);
        String handler = adminId == null || adminId.isBlank() ? staffId : adminId.trim();
        accounts.findById(handler).orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND));
        reclamations.setStatus(id, status, handler);
        return get(id, null);
    }

    List<TypeOut> types() {
        return reclamations.types();
    }

    TypeOut type(int id) {
        return reclamations.findType(id).orElseThrow(() -> new ApiException(ErrorCode.RECLAMATION_TYPE_NOT_FOUND));
    }

    @Transactional
    TypeOut createType(TypeInput in) {
        if (in.name() == null || in.name().isBlank()) {
            throw ApiException.validation("body", "name", "Field required");
        }
        return type(reclamations.insertType(in.name(), in.description()));
    }

    @Transactional
    TypeOut updateType(int id, TypeInput in) {
        type(id);
        if (in.name() != null && in.name().isBlank()) {
            throw ApiException.validation("body", "name", "must not be blank");
        }
        reclamations.updateType(id, in.name(), in.description());
        return type(id);
    }

    @Transactional
    TypeOut deleteType(int id) {
        TypeOut type = type(id);
        reclamations.softDeleteType(id);
        return type;
    }

    private String checked(ReclamationInput in, String ownerId) {
        String priority = in.priority() == null ? "LOW" : Choices.check("body", "priority", in.priority(), ReclamationViews.PRIORITIES);
        if (!numbersOf(ownerId).contains(in.applicationNumber().trim())) {
            throw new ApiException(ErrorCode.STUDENT_APPLICATION_NOT_FOUND);
        }
        type(in.reclamationType());
        return priority;
    }
}

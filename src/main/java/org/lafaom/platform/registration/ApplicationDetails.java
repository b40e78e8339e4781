package org.lafaom.platform.registration;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.lafaom.platform.registration.ApplicationRepository.Application;
import org.lafaom.platform.registration.ApplicationViews.ApplicationFullOut;
import org.lafaom.platform.registration.ApplicationViews.ApplicationOut;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.Choices;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.lafaom.platform.training.TrainingSessions;
import org.lafaom.platform.users.UserAccounts;
import org.lafaom.platform.users.UserCredentials;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Reading applications: pages for staff and for the student, and the full view of one. */
@Service
@Transactional(readOnly = true)
class ApplicationDetails {

    static final Set<String> ORDERS = Set.of("created_at");

    private final ApplicationRepository applications;
    private final Attachments attachments;
    private final TrainingSessions sessions;
    private final UserAccounts accounts;
    private final ObjectMapper mapper;

    ApplicationDetails(ApplicationRepository applications, Attachments attachments, TrainingSessions sessions,
            UserAccounts accounts, ObjectMapper mapper) {
        this.applications = applications;
        this.attachments = attachments;
        this.sessions = sessions;
        this.accounts = accounts;
        this.mapper = mapper;
    }

    PageResponse<ApplicationOut> list(ApplicationRepository.Filter filter, PageRequest page) {
        Choices.check("query", "status", filter.status(), ApplicationViews.STATUSES);
        return PageResponse.of(applications.list(filter, page), page, applications.count(filter));
    }

    /** One application; {@code ownerId} limits it to the student's own (null for staff). */
    ApplicationFullOut full(int id, String ownerId) {
        return full(applications.find(id, ownerId).orElseThrow(() -> new ApiException(ErrorCode.STUDENT_APPLICATION_NOT_FOUND)));
    }

    ApplicationFullOut full(Application a) {
        UserCredentials student = accounts.findById(a.userId()).orElse(null);
        return new ApplicationFullOut(a.id(), a.userId(), a.trainingId(), a.targetSessionId(), a.applicationNumber(), a.status(),
                a.refusalReason(), a.registrationFee(), a.trainingFee(), a.currency(), installments(a.installmentPercentage()),
                a.createdAt(), a.updatedAt(), a.paymentId(), student == null ? null : student.email(),
                student == null ? null : student.firstName(), student == null ? null : student.lastName(),
                sessions.training(a.trainingId()).orElse(null), sessions.session(a.targetSessionId()).orElse(null),
                attachments.views(a.id()));
    }

    private List<BigDecimal> installments(String json) {
        return json == null || json.isBlank() || json.equals("null") ? null : mapper.readValue(json, new TypeReference<List<BigDecimal>>() {});
    }
}

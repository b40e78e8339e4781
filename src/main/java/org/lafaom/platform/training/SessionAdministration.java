package org.lafaom.platform.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lafaom.platform.organization.OrganizationCenters;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.Choices;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.Ids;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.lafaom.platform.training.CatalogueInputs.SessionInput;
import org.lafaom.platform.training.CatalogueViews.TrainingSessionOut;
import org.lafaom.platform.users.UserAccounts;
import org.lafaom.platform.users.UserViews.UserSimpleOut;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Staff management of training sessions, and the session reads of the public catalogue. */
@Service
@Transactional(readOnly = true)
class SessionAdministration {

    static final Set<String> ORDERS = Set.of("created_at", "registration_deadline", "start_date");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final SessionRepository sessions;
    private final Trainings trainings;
    private final OrganizationCenters centers;
    private final UserAccounts accounts;
    private final Catalogue catalogue;
    private final ObjectMapper mapper;
    private final ApplicationEventPublisher events;

    SessionAdministration(SessionRepository sessions, Trainings trainings, OrganizationCenters centers, UserAccounts accounts,
            Catalogue catalogue, ObjectMapper mapper, ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.trainings = trainings;
        this.centers = centers;
        this.accounts = accounts;
        this.catalogue = catalogue;
        this.mapper = mapper;
        this.events = events;
    }

    PageResponse<TrainingSessionOut> list(SessionRepository.Filter filter, PageRequest page) {
        Choices.check("query", "status", filter.status(), CatalogueInputs.SESSION_STATUSES);
        return catalogue.read(Catalogue.key("sessions", page, filter.trainingId(), filter.centerId(), filter.status()),
                new TypeReference<PageResponse<TrainingSessionOut>>() {},
                () -> PageResponse.of(sessions.list(filter, page), page, sessions.count(filter)));
    }

    /** The sessions of one training; an unknown training is a 404, not an empty page. */
    PageResponse<TrainingSessionOut> ofTraining(String trainingId, SessionRepository.Filter filter, PageRequest page) {
        trainings.get(trainingId);
        return list(new SessionRepository.Filter(trainingId, filter.centerId(), filter.status()), page);
    }

    TrainingSessionOut get(String id) {
        TrainingSessionOut session = catalogue.read("session|" + id, new TypeReference<TrainingSessionOut>() {},
                () -> sessions.find(id).orElse(null));
        if (session == null) {
            throw new ApiException(ErrorCode.TRAINING_SESSION_NOT_FOUND);
        }
        return session;
    }

    List<UserSimpleOut> members(String id) {
        get(id);
        return accounts.simpleUsers(sessions.participantUserIds(id));
    }

    @Transactional
    TrainingSessionOut create(SessionInput in) {
        require(in.trainingId(), "training_id");
        require(in.startDate(), "start_date");
        require(in.endDate(), "end_date");
        require(in.registrationDeadline(), "registration_deadline");
        require(in.availableSlots(), "available_slots");
        require(in.registrationFee(), "registration_fee");
        require(in.trainingFee(), "training_fee");
        Choices.require("body", "status", in.status(), CatalogueInputs.SESSION_STATUSES);
        trainings.get(in.trainingId());
        checkDates(in.startDate(), in.endDate(), in.registrationDeadline());
        Map<String, Object> columns = changes(in);
        columns.put("training_id", in.trainingId());
        columns.putIfAbsent("currency", "EUR");
        String id = Ids.newId();
        sessions.insert(id, columns);
        catalogue.changed();
        events.publishEvent(new TrainingSessionCreated(id));
        return sessions.find(id).orElseThrow();
    }

    @Transactional
    TrainingSessionOut update(String id, SessionInput in) {
        TrainingSessionOut before = sessions.find(id).orElseThrow(() -> new ApiException(ErrorCode.TRAINING_SESSION_NOT_FOUND));
        Choices.check("body", "status", in.status(), CatalogueInputs.SESSION_STATUSES);
        checkDates(in.startDate() != null ? in.startDate() : before.startDate(),
                in.endDate() != null ? in.endDate() : before.endDate(),
                in.registrationDeadline() != null ? in.registrationDeadline() : before.registrationDeadline());
        Map<String, Object> changes = changes(in);
        if (!changes.isEmpty()) {
            sessions.update(id, changes);
            catalogue.changed();
        }
        TrainingSessionOut after = sessions.find(id).orElseThrow();
        if (!Objects.equals(before.startDate(), after.startDate()) || !Objects.equals(before.endDate(), after.endDate())
                || !before.status().equals(after.status())) {
            events.publishEvent(new TrainingSessionChanged(id));
        }
        return after;
    }

    /** Refused while applications point at the session: students and their payments would be orphaned. */
    @Transactional
    TrainingSessionOut delete(String id) {
        TrainingSessionOut session = sessions.find(id).orElseThrow(() -> new ApiException(ErrorCode.TRAINING_SESSION_NOT_FOUND));
        if (sessions.hasApplications(id)) {
            throw new ApiException(ErrorCode.HAS_DEPENDENTS, "This session still has applications; refuse or delete them first");
        }
        sessions.softDelete(id);
        catalogue.changed();
        events.publishEvent(new TrainingSessionDeleted(id, session.moodleCourseId()));
        return session;
    }

    private Map<String, Object> changes(SessionInput in) {
        Map<String, Object> c = new LinkedHashMap<>();
        if (in.centerId() != null) {
            if (!centers.exists(in.centerId())) {
                throw new ApiException(ErrorCode.ORGANIZATION_CENTER_NOT_FOUND);
            }
            c.put("center_id", in.centerId());
        }
        put(c, "start_date", in.startDate());
        put(c, "end_date", in.endDate());
        put(c, "registration_deadline", in.registrationDeadline());
        put(c, "available_slots", in.availableSlots());
        put(c, "status", in.status());
        put(c, "registration_fee", in.registrationFee());
        put(c, "training_fee", in.trainingFee());
        put(c, "currency", in.currency());
        if (in.requiredAttachments() != null) {
            c.put("required_attachments", mapper.writeValueAsString(in.requiredAttachments().stream().map(String::trim).distinct().toList()));
        }
        if (in.installmentPercentage() != null) {
            BigDecimal total = in.installmentPercentage().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (!in.installmentPercentage().isEmpty() && total.compareTo(HUNDRED) != 0) {
                throw ApiException.validation("body", "installment_percentage", "The instalments must add up to 100");
            }
            c.put("installment_percentage", mapper.writeValueAsString(in.installmentPercentage()));
        }
        return c;
    }

    private static void checkDates(LocalDate start, LocalDate end, LocalDate deadline) {
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiException.validation("body", "end_date", "end_date must not be before start_date");
        }
        if (deadline != null && end != null && deadline.isAfter(end)) {
            throw ApiException.validation("body", "registration_deadline", "registration_deadline must not be after end_date");
        }
    }

    private static void require(Object value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw ApiException.validation("body", field, "Field required");
        }
    }

    private static void put(Map<String, Object> changes, String column, Object value) {
        if (value != null) {
            changes.put(column, value);
        }
    }
}

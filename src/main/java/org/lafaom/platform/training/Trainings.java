package org.lafaom.platform.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.Choices;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.Ids;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.lafaom.platform.training.CatalogueInputs.TrainingInput;
import org.lafaom.platform.training.CatalogueViews.TrainingOut;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Trainings of the catalogue. A new title is announced for each of the training's sessions (Moodle course names). */
@Service
@Transactional(readOnly = true)
class Trainings {

    static final Set<String> ORDERS = Set.of("created_at", "title");

    private final TrainingRepository trainings;
    private final Specialties specialties;
    private final Catalogue catalogue;
    private final ObjectMapper mapper;
    private final ApplicationEventPublisher events;

    Trainings(TrainingRepository trainings, Specialties specialties, Catalogue catalogue, ObjectMapper mapper,
            ApplicationEventPublisher events) {
        this.trainings = trainings;
        this.specialties = specialties;
        this.catalogue = catalogue;
        this.mapper = mapper;
        this.events = events;
    }

    PageResponse<TrainingOut> list(TrainingRepository.Filter filter, PageRequest page) {
        Choices.check("query", "status", filter.status(), CatalogueInputs.TRAINING_STATUSES);
        return catalogue.read(Catalogue.key("trainings", page, filter.search(), filter.status(), filter.specialtyId()),
                new TypeReference<PageResponse<TrainingOut>>() {},
                () -> PageResponse.of(trainings.list(filter, page), page, trainings.count(filter)));
    }

    TrainingOut get(String id) {
        TrainingOut training = catalogue.read("training|" + id, new TypeReference<TrainingOut>() {}, () -> trainings.find(id).orElse(null));
        if (training == null) {
            throw new ApiException(ErrorCode.TRAINING_NOT_FOUND);
        }
        return training;
    }

    @Transactional
    TrainingOut create(TrainingInput in) {
        if (in.title() == null || in.title().isBlank()) {
            throw ApiException.validation("body", "title", "Field required");
        }
        if (in.specialtyId() == null) {
            throw ApiException.validation("body", "specialty_id", "Field required");
        }
        Choices.require("body", "training_type", in.trainingType(), CatalogueInputs.TRAINING_TYPES);
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("title", in.title().trim());
        columns.put("status", "ACTIVE");
        columns.put("duration", 0);
        columns.put("duration_unit", "HOURS");
        for (String text : new String[] {"presentation", "target_skills", "program", "target_audience", "enrollment"}) {
            columns.put(text, "");
        }
        columns.putAll(changes(in));
        String id = Ids.newId();
        trainings.insert(id, columns);
        catalogue.changed();
        return trainings.find(id).orElseThrow();
    }

    @Transactional
    TrainingOut update(String id, TrainingInput in) {
        TrainingOut before = trainings.find(id).orElseThrow(() -> new ApiException(ErrorCode.TRAINING_NOT_FOUND));
        if (in.title() != null && in.title().isBlank()) {
            throw ApiException.validation("body", "title", "must not be blank");
        }
        Map<String, Object> changes = changes(in);
        if (!changes.isEmpty()) {
            trainings.update(id, changes);
            catalogue.changed();
        }
        TrainingOut after = trainings.find(id).orElseThrow();
        if (!after.title().equals(before.title())) {
            trainings.sessionIds(id).forEach(session -> events.publishEvent(new TrainingSessionChanged(session)));
        }
        return after;
    }

    /** Refused while live sessions belong to the training: they would point at nothing. */
    @Transactional
    TrainingOut delete(String id) {
        TrainingOut training = trainings.find(id).orElseThrow(() -> new ApiException(ErrorCode.TRAINING_NOT_FOUND));
        if (trainings.hasSessions(id)) {
            throw new ApiException(ErrorCode.HAS_DEPENDENTS, "This training still has sessions; delete them first");
        }
        trainings.softDelete(id);
        catalogue.changed();
        return training;
    }

    /** The columns an input sets, each checked; absent fields are left as they are. */
    private Map<String, Object> changes(TrainingInput in) {
        Map<String, Object> c = new LinkedHashMap<>();
        put(c, "title", in.title() == null ? null : in.title().trim());
        put(c, "status", Choices.check("body", "status", in.status(), CatalogueInputs.TRAINING_STATUSES));
        put(c, "duration", in.duration());
        put(c, "duration_unit", Choices.check("body", "duration_unit", in.durationUnit(), CatalogueInputs.DURATION_UNITS));
        if (in.specialtyId() != null) {
            specialties.require(in.specialtyId());
            c.put("specialty_id", in.specialtyId());
        }
        put(c, "info_sheet", in.infoSheet());
        put(c, "training_type", Choices.check("body", "training_type", in.trainingType(), CatalogueInputs.TRAINING_TYPES));
        put(c, "presentation", in.presentation());
        put(c, "benefits", in.benefits() == null ? null : mapper.writeValueAsString(in.benefits()));
        put(c, "strengths", in.strengths() == null ? null : mapper.writeValueAsString(in.strengths()));
        put(c, "target_skills", in.targetSkills());
        put(c, "program", in.program());
        put(c, "target_audience", in.targetAudience());
        put(c, "prerequisites", in.prerequisites());
        put(c, "enrollment", in.enrollment());
        return c;
    }

    private static void put(Map<String, Object> changes, String column, Object value) {
        if (value != null) {
            changes.put(column, value);
        }
    }
}

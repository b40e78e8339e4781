package org.lafaom.platform.training;

import java.util.List;
import java.util.Set;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.lafaom.platform.training.CatalogueInputs.SpecialtyInput;
import org.lafaom.platform.training.CatalogueViews.SpecialtyOut;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/** Specialties: the catalogue's top-level grouping of trainings. */
@Service
@Transactional(readOnly = true)
class Specialties {

    static final Set<String> ORDERS = Set.of("created_at", "name");

    private final SpecialtyRepository specialties;
    private final Catalogue catalogue;

    Specialties(SpecialtyRepository specialties, Catalogue catalogue) {
        this.specialties = specialties;
        this.catalogue = catalogue;
    }

    PageResponse<SpecialtyOut> list(String search, PageRequest page) {
        return catalogue.read(Catalogue.key("specialties", page, search), new TypeReference<PageResponse<SpecialtyOut>>() {},
                () -> PageResponse.of(specialties.list(search, page), page, specialties.count(search)));
    }

    List<SpecialtyOut> all() {
        return catalogue.read("specialties|all", new TypeReference<List<SpecialtyOut>>() {}, specialties::all);
    }

    SpecialtyOut get(int id) {
        return catalogue.read("specialty|" + id, new TypeReference<SpecialtyOut>() {}, () -> specialties.find(id).orElse(null));
    }

    SpecialtyOut require(int id) {
        SpecialtyOut specialty = get(id);
        if (specialty == null) {
            throw new ApiException(ErrorCode.SPECIALTY_NOT_FOUND);
        }
        return specialty;
    }

    @Transactional
    SpecialtyOut create(SpecialtyInput in) {
        requireFreeName(in.name(), null);
        int id = specialties.insert(in.name(), in.description());
        catalogue.changed();
        return specialties.find(id).orElseThrow();
    }

    @Transactional
    SpecialtyOut update(int id, SpecialtyInput in) {
        requireLive(id);
        requireFreeName(in.name(), id);
        specialties.update(id, in.name(), in.description());
        catalogue.changed();
        return specialties.find(id).orElseThrow();
    }

    /** Refused while live trainings still belong to it: they would lose their specialty. */
    @Transactional
    SpecialtyOut delete(int id) {
        SpecialtyOut specialty = requireLive(id);
        if (specialties.hasTrainings(id)) {
            throw new ApiException(ErrorCode.HAS_DEPENDENTS, "This specialty still has trainings; delete or move them first");
        }
        specialties.softDelete(id);
        catalogue.changed();
        return specialty;
    }

    private SpecialtyOut requireLive(int id) {
        return specialties.find(id).orElseThrow(() -> new ApiException(ErrorCode.SPECIALTY_NOT_FOUND));
    }

    private void requireFreeName(String name, Integer id) {
        if (specialties.nameTaken(name, id)) {
            throw new ApiException(ErrorCode.SPECIALTY_NAME_ALREADY_EXISTS);
        }
    }
}

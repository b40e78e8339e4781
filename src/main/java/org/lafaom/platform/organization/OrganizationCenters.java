package org.lafaom.platform.organization;

import java.util.List;
import java.util.Set;
import org.lafaom.platform.organization.CenterViews.CenterInput;
import org.lafaom.platform.organization.CenterViews.CenterOut;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.Choices;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisation centres; {@link #exists} is what other modules (training sessions) ask. */
@Service
@Transactional(readOnly = true)
public class OrganizationCenters {

    static final Set<String> ORDERS = Set.of("created_at", "updated_at", "name");

    private final CenterRepository centers;

    OrganizationCenters(CenterRepository centers) {
        this.centers = centers;
    }

    /** Whether a live centre has this id. */
    public boolean exists(int id) {
        return centers.find(id).isPresent();
    }

    CenterOut get(int id) {
        return centers.find(id).orElseThrow(() -> new ApiException(ErrorCode.ORGANIZATION_CENTER_NOT_FOUND));
    }

    PageResponse<CenterOut> list(CenterRepository.Filter filter, PageRequest page) {
        Choices.check("query", "status", filter.status(), CenterViews.STATUSES);
        Choices.check("query", "organization_type", filter.organizationType(), CenterViews.TYPES);
        return PageResponse.of(centers.list(filter, page), page, centers.count(filter));
    }

    List<CenterOut> byIds(List<Integer> ids) {
        return centers.findAll(ids);
    }

    List<CenterOut> byLocation(String countryCode, String city) {
        return centers.byLocation(countryCode, city);
    }

    @Transactional
    CenterOut create(CenterInput in) {
        String status = in.status() == null ? "active" : Choices.check("body", "status", in.status(), CenterViews.STATUSES);
        String type = in.organizationType() == null ? "main"
                : Choices.check("body", "organization_type", in.organizationType(), CenterViews.TYPES);
        checkUnique(in, null);
        try {
            return get(centers.insert(in, status, type));
        } catch (DuplicateKeyException e) {
            throw new ApiException(ErrorCode.ORGANIZATION_CENTER_NAME_ALREADY_EXISTS);
        }
    }

    @Transactional
    CenterOut update(int id, CenterInput in) {
        CenterOut current = get(id);
        String status = Choices.check("body", "status", in.status() == null ? current.status() : in.status(), CenterViews.STATUSES);
        String type = Choices.check("body", "organization_type",
                in.organizationType() == null ? current.organizationType() : in.organizationType(), CenterViews.TYPES);
        checkUnique(in, id);
        try {
            centers.update(id, in, status, type);
        } catch (DuplicateKeyException e) {
            throw new ApiException(ErrorCode.ORGANIZATION_CENTER_NAME_ALREADY_EXISTS);
        }
        return get(id);
    }

    @Transactional
    CenterOut changeStatus(int id, String status) {
        Choices.require("body", "status", status, CenterViews.STATUSES);
        get(id);
        centers.updateStatus(id, status);
        return get(id);
    }

    @Transactional
    CenterOut delete(int id) {
        CenterOut center = get(id);
        centers.softDelete(id);
        return center;
    }

    private void checkUnique(CenterInput in, Integer id) {
        if (centers.nameTaken(in.name(), id)) {
            throw new ApiException(ErrorCode.ORGANIZATION_CENTER_NAME_ALREADY_EXISTS);
        }
        if (centers.emailTaken(in.email(), id)) {
            throw new ApiException(ErrorCode.ORGANIZATION_CENTER_EMAIL_ALREADY_EXISTS);
        }
    }
}

package org.lafaom.platform.jobs;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lafaom.platform.jobs.JobInputs.JobOfferCreateInput;
import org.lafaom.platform.jobs.JobInputs.JobOfferUpdateInput;
import org.lafaom.platform.jobs.JobViews.JobOfferOut;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.Ids;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.lafaom.platform.shared.SqlWhere;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Job offers: public reads, staff writes; a reference is used by one live offer at a time. */
@Service
@Transactional(readOnly = true)
class JobOffers {

    static final Set<String> ORDERS = Set.of("created_at", "submission_deadline", "title", "salary");

    private final JobOfferRepository offers;

    JobOffers(JobOfferRepository offers) {
        this.offers = offers;
    }

    PageResponse<JobOfferOut> list(JobOfferRepository.Filter filter, PageRequest page) {
        SqlWhere where = JobOfferRepository.where(filter);
        return PageResponse.of(offers.list(page, where), page, offers.count(where));
    }

    JobOfferOut get(String id) {
        return offers.find(id).orElseThrow(() -> new ApiException(ErrorCode.JOB_OFFER_NOT_FOUND));
    }

    @Transactional
    JobOfferOut create(JobOfferCreateInput in) {
        String reference = in.reference().trim();
        if (offers.referenceTaken(reference, null)) {
            throw new ApiException(ErrorCode.JOB_OFFER_REFERENCE_TAKEN);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("reference", reference);
        values.put("title", in.title().trim());
        values.put("location", in.location().trim());
        values.put("postal_code", in.postalCode().trim());
        values.put("contract_type", in.contractType().trim());
        values.put("uncertain_term", Boolean.TRUE.equals(in.uncertainTerm()));
        values.put("start_date", in.startDate());
        values.put("end_date", in.endDate());
        values.put("weekly_hours", in.weeklyHours());
        values.put("driving_license_required", Boolean.TRUE.equals(in.drivingLicenseRequired()));
        values.put("submission_deadline", in.submissionDeadline());
        values.put("main_mission", in.mainMission());
        values.put("responsibilities", in.responsibilities());
        values.put("competencies", in.competencies());
        values.put("profile", in.profile());
        values.put("salary", in.salary());
        values.put("benefits", in.benefits());
        values.put("submission_fee", in.submissionFee());
        values.put("currency", in.currency() == null ? "EUR" : currency(in.currency()));
        values.put("attachment", in.attachment());
        values.put("conditions", in.conditions());
        String id = Ids.newId();
        offers.insert(id, values);
        return get(id);
    }

    /** Partial update: absent or null fields are left as they are (the contract cannot clear a field). */
    @Transactional
    JobOfferOut update(String id, JobOfferUpdateInput in) {
        JobOfferOut current = get(id);
        if (in.reference() != null && offers.referenceTaken(in.reference().trim(), id)) {
            throw new ApiException(ErrorCode.JOB_OFFER_REFERENCE_TAKEN);
        }
        if (in.startDate() != null || in.endDate() != null) {
            var start = in.startDate() != null ? in.startDate() : current.startDate();
            var end = in.endDate() != null ? in.endDate() : current.endDate();
            if (start != null && end != null && end.isBefore(start)) {
                throw ApiException.validation("body", "end_date", "end_date must not be before start_date");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        putIf(values, "reference", in.reference() == null ? null : in.reference().trim());
        putIf(values, "title", in.title());
        putIf(values, "location", in.location());
        putIf(values, "postal_code", in.postalCode());
        putIf(values, "contract_type", in.contractType());
        putIf(values, "uncertain_term", in.uncertainTerm());
        putIf(values, "start_date", in.startDate());
        putIf(values, "end_date", in.endDate());
        putIf(values, "weekly_hours", in.weeklyHours());
        putIf(values, "driving_license_required", in.drivingLicenseRequired());
        putIf(values, "submission_deadline", in.submissionDeadline());
        putIf(values, "main_mission", in.mainMission());
        putIf(values, "responsibilities", in.responsibilities());
        putIf(values, "competencies", in.competencies());
        putIf(values, "profile", in.profile());
        putIf(values, "salary", in.salary());
        putIf(values, "benefits", in.benefits());
        putIf(values, "submission_fee", in.submissionFee());
        putIf(values, "currency", in.currency() == null ? null : currency(in.currency()));
        putIf(values, "attachment", in.attachment());
        putIf(values, "conditions", in.conditions());
        offers.update(id, values);
        return get(id);
    }

    /** Soft delete; the answer is the offer as it was. */
    @Transactional
    JobOfferOut delete(String id) {
        JobOfferOut offer = get(id);
        offers.softDelete(id);
        return offer;
    }

    /** An ISO 4217 currency code, upper-cased; anything else is a validation error. */
    private static String currency(String code) {
        String upper = code.trim().toUpperCase(Locale.ROOT);
        try {
            java.util.Currency.getInstance(upper);
            return upper;
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("body", "currency", "must be an ISO 4217 currency code");
        }
    }

    private static void putIf(Map<String, Object> values, String column, Object value) {
        if (value != null) {
            values.put(column, value);
        }
    }
}

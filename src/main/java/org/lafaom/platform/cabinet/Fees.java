package org.lafaom.platform.cabinet;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lafaom.platform.cabinet.CabinetInputs.ApplicationFeeCreate;
import org.lafaom.platform.cabinet.CabinetInputs.ApplicationFeeUpdate;
import org.lafaom.platform.cabinet.CabinetInputs.CampaignCreate;
import org.lafaom.platform.cabinet.CabinetInputs.CampaignUpdate;
import org.lafaom.platform.cabinet.CabinetViews.ApplicationFeeOut;
import org.lafaom.platform.cabinet.CabinetViews.CampaignOut;
import org.lafaom.platform.cabinet.FeeRepository.Price;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Application fees and recruitment campaigns, and the price they set: the fee of the active
 * campaign running now; without one, the single active fee (the newest, with a warning, when staff
 * left several active); without any, {@code lafaom.cabinet.default-fee} (50 EUR).
 */
@Service
@Transactional(readOnly = true)
class Fees {

    private static final Logger log = LoggerFactory.getLogger(Fees.class);

    private final FeeRepository fees;
    private final CabinetProperties properties;
    private final Clock clock;

    Fees(FeeRepository fees, CabinetProperties properties, Clock clock) {
        this.fees = fees;
        this.properties = properties;
        this.clock = clock;
    }

    Price currentPrice() {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        return fees.campaignPrice(now).map(Fees::normalised).orElseGet(() -> {
            List<Price> active = fees.activeFees();
            if (active.size() > 1) {
                log.warn("{} cabinet application fees are active and no campaign is running: the newest one sets the price",
                        active.size());
            }
            return active.isEmpty()
                    ? new Price(properties.defaultFee(), properties.defaultCurrency().toUpperCase(Locale.ROOT), null)
                    : normalised(active.getFirst());
        });
    }

    ApplicationFeeOut fee(String id) {
        return fees.fee(id).orElseThrow(() -> new ApiException(ErrorCode.APPLICATION_FEE_NOT_FOUND));
    }

    List<ApplicationFeeOut> fees(int skip, int limit) {
        return fees.fees(skip, limit);
    }

    @Transactional
    ApplicationFeeOut createFee(ApplicationFeeCreate in) {
        String id = Ids.newId();
        fees.insertFee(id, in.amount(), currency(in.currency()), in.description().trim());
        return fee(id);
    }

    @Transactional
    ApplicationFeeOut updateFee(String id, ApplicationFeeUpdate in) {
        fee(id);
        Map<String, Object> changes = new LinkedHashMap<>();
        if (in.amount() != null) {
            changes.put("amount", in.amount().doubleValue());
        }
        if (in.currency() != null) {
            changes.put("currency", currency(in.currency()));
        }
        if (in.description() != null) {
            changes.put("description", in.description().trim());
        }
        if (in.isActive() != null) {
            changes.put("is_active", in.isActive());
        }
        fees.update("application_fees", id, changes);
        return fee(id);
    }

    CampaignOut campaign(String id) {
        return fees.campaign(id).orElseThrow(() -> new ApiException(ErrorCode.CAMPAIGN_NOT_FOUND));
    }

    List<CampaignOut> campaigns(int skip, int limit) {
        return fees.campaigns(skip, limit);
    }

    @Transactional
    CampaignOut createCampaign(CampaignCreate in) {
        LocalDateTime start = dateTime("start_date", in.startDate());
        LocalDateTime end = dateTime("end_date", in.endDate());
        requireOrdered(start, end);
        fee(in.applicationFeeId().trim());
        String id = Ids.newId();
        fees.insertCampaign(id, in.title().trim(), in.description().trim(), start, end, in.applicationFeeId().trim(),
                in.isActive() == null || in.isActive());
        return campaign(id);
    }

    @Transactional
    CampaignOut updateCampaign(String id, CampaignUpdate in) {
        CampaignOut current = campaign(id);
        LocalDateTime start = in.startDate() == null ? current.startDate().toLocalDateTime() : dateTime("start_date", in.startDate());
        LocalDateTime end = in.endDate() == null ? current.endDate().toLocalDateTime() : dateTime("end_date", in.endDate());
        requireOrdered(start, end);
        Map<String, Object> changes = new LinkedHashMap<>();
        if (in.title() != null) {
            changes.put("title", in.title().trim());
        }
        if (in.description() != null) {
            changes.put("description", in.description().trim());
        }
        if (in.startDate() != null) {
            changes.put("start_date", start);
        }
        if (in.endDate() != null) {
            changes.put("end_date", end);
        }
        if (in.applicationFeeId() != null) {
            fee(in.applicationFeeId().trim());
            changes.put("application_fee_id", in.applicationFeeId().trim());
        }
        if (in.isActive() != null) {
            changes.put("is_active", in.isActive());
        }
        fees.update("cabinet_recruitment_campaigns", id, changes);
        return campaign(id);
    }

    private static Price normalised(Price p) {
        return new Price(CabinetApplicationRepository.money(p.amount()), p.currency().trim().toUpperCase(Locale.ROOT), p.campaignId());
    }

    private static String currency(String value) {
        return value == null || value.isBlank() ? "EUR" : value.trim().toUpperCase(Locale.ROOT);
    }

    private static void requireOrdered(LocalDateTime start, LocalDateTime end) {
        if (end.isBefore(start)) {
            throw ApiException.validation("body", "end_date", "end_date must not be before start_date");
        }
    }

    /** An ISO date-time (with an offset: converted to UTC) or an ISO date (its midnight, UTC). */
    static LocalDateTime dateTime(String field, String value) {
        String text = value.trim();
        try {
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay();
                } catch (DateTimeParseException notDate) {
                    throw ApiException.validation("body", field, field + " must be an ISO date or date-time");
                }
            }
        }
    }
}

package org.lafaom.platform.cabinet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lafaom.platform.cabinet.ApplicantAccess.Caller;
import org.lafaom.platform.cabinet.CabinetApplicationRepository.Application;
import org.lafaom.platform.cabinet.CabinetApplicationRepository.NewApplication;
import org.lafaom.platform.cabinet.CabinetInputs.CabinetApplicationCreate;
import org.lafaom.platform.cabinet.CabinetInputs.CabinetApplicationUpdate;
import org.lafaom.platform.cabinet.CabinetViews.CabinetApplicationOut;
import org.lafaom.platform.cabinet.CabinetViews.PaymentStatusOut;
import org.lafaom.platform.cabinet.FeeRepository.Price;
import org.lafaom.platform.payments.InitiatedPayment;
import org.lafaom.platform.payments.PayableType;
import org.lafaom.platform.payments.PaymentRequest;
import org.lafaom.platform.payments.Payments;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.Ids;
import org.lafaom.platform.shared.SecretTokens;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The firm's application: created and sent to CinetPay in one transaction (a refused payment
 * leaves no row behind), priced by {@link Fees}; applying again with the e-mail of an unpaid
 * application e-mails that application's payment link (a new payment when the last one ended)
 * instead of blocking the address; reads and changes for the applicant and staff.
 */
@Service
@Transactional(readOnly = true)
class CabinetApplications {

    static final String VIEW = "can_view_cabinet_application";
    static final String CHANGE = "can_change_cabinet_application_status";

    /** What applying did: created an application, or found one for the e-mail (and perhaps mailed its link). */
    sealed interface Submission permits Created, AlreadyExists {}

    record Created(CabinetApplicationOut application) implements Submission {}

    record AlreadyExists() implements Submission {}

    private final CabinetApplicationRepository applications;
    private final ApplicantAccess access;
    private final Fees fees;
    private final Payments payments;
    private final CabinetMails mails;
    private final CabinetMetrics metrics;

    CabinetApplications(CabinetApplicationRepository applications, ApplicantAccess access, Fees fees, Payments payments,
            CabinetMails mails, CabinetMetrics metrics) {
        this.applications = applications;
        this.access = access;
        this.fees = fees;
        this.payments = payments;
        this.mails = mails;
        this.metrics = metrics;
    }

    @Transactional
    Submission apply(CabinetApplicationCreate in, String lang) {
        String email = in.contactEmail().trim().toLowerCase(Locale.ROOT);
        applications.lockEmail(email);
        Application existing = applications.findByEmail(email).orElse(null);
        if (existing != null) {
            if (existing.awaitingPayment()) {
                resendPaymentLink(existing);
            }
            metrics.count("duplicate");
            return new AlreadyExists();
        }
        Price price = fees.currentPrice();
        String id = Ids.newId();
        String token = SecretTokens.opaque();
        try {
            applications.insert(new NewApplication(id, in.companyName().trim(), email, in.contactPhone().trim(), in.address().trim(),
                    in.registrationNumber().trim(), in.experienceYears(), CabinetInputs.blankToNull(in.qualifications()),
                    CabinetInputs.blankToNull(in.technicalProposal()), CabinetInputs.blankToNull(in.financialProposal()),
                    CabinetInputs.blankToNull(in.references()), price.amount(), price.currency(), price.campaignId(), lang,
                    SecretTokens.sha256(token)));
        } catch (DuplicateKeyException e) {
            // The exact address exists in a letter case the lookup did not expect: still a duplicate.
            throw new ApiException(ErrorCode.CABINET_APPLICATION_ALREADY_EXISTS);
        }
        Application created = applications.find(id).orElseThrow();
        InitiatedPayment payment = payments.initiate(paymentRequest(created));
        applications.setPaymentReference(id, payment.transactionId());
        Application withReference = applications.find(id).orElseThrow();
        mails.paymentLink(withReference, payment, token);
        metrics.count("created");
        return new Created(withReference.out().withPayment(payment.paymentLink()).withToken(token));
    }

    /**
     * Sends the unpaid application's payment link to its own e-mail address: the open payment's, or
     * a new payment at today's price when the last one was refused, cancelled or abandoned. Only
     * the mailbox learns anything (a new token with it), so the caller needs no proof.
     */
    private void resendPaymentLink(Application a) {
        InitiatedPayment payment = payments.inFlight(PayableType.CABINET_APPLICATION, a.id()).orElse(null);
        Application current = a;
        if (payment == null) {
            Price price = fees.currentPrice();
            applications.repriced(a.id(), price.amount(), price.currency(), price.campaignId());
            current = applications.find(a.id()).orElseThrow();
            payment = payments.initiate(paymentRequest(current));
            applications.setPaymentReference(a.id(), payment.transactionId());
        }
        String token = SecretTokens.opaque();
        if (mails.paymentLink(current, payment, token)) {
            applications.setTokenHash(a.id(), SecretTokens.sha256(token));
            metrics.count("link_resent");
        }
    }

    private static PaymentRequest paymentRequest(Application a) {
        // The customer as the old backend described a firm to CinetPay (it asks city and country for cards).
        return new PaymentRequest(PayableType.CABINET_APPLICATION, a.id(), a.paymentAmount(), a.paymentCurrency(),
                "Frais de candidature cabinet LAFAOM - " + a.companyName(),
                new PaymentRequest.Customer(null, a.companyName(), "Cabinet", a.contactEmail(), a.contactPhone(), a.address(),
                        "Dakar", "SN", null, null),
                a.lang());
    }

    CabinetApplicationOut get(String id, Caller caller) {
        return withOpenPayment(access.require(id, caller, VIEW));
    }

    CabinetApplicationOut getByEmail(String email, Caller caller) {
        return withOpenPayment(access.requireByEmail(email, caller, VIEW));
    }

    PaymentStatusOut paymentStatus(String id, Caller caller) {
        Application a = access.require(id, caller, VIEW);
        return new PaymentStatusOut(a.id(), a.paymentStatus(), a.paymentReference(), a.paymentAmount(), a.paymentCurrency(),
                a.paymentDate(), a.status(), openPaymentLink(a));
    }

    @Transactional
    CabinetApplicationOut update(String id, CabinetApplicationUpdate in, Caller caller) {
        Application a = access.require(id, caller, CHANGE);
        Map<String, Object> changes = new LinkedHashMap<>();
        putIfText(changes, "company_name", in.companyName());
        putIfText(changes, "contact_phone", in.contactPhone());
        putIfText(changes, "address", in.address());
        putIfGiven(changes, "qualifications", in.qualifications());
        putIfGiven(changes, "technical_proposal", in.technicalProposal());
        putIfGiven(changes, "financial_proposal", in.financialProposal());
        putIfGiven(changes, "references", in.references());
        applications.update(a.id(), changes);
        return withOpenPayment(applications.find(a.id()).orElseThrow());
    }

    List<CabinetApplicationOut> list(String status, Window window) {
        String value = status == null || status.isBlank() ? null : status.trim().toLowerCase(Locale.ROOT);
        if (value != null && !CabinetApplicationRepository.STATUSES.contains(value)) {
            throw ApiException.validation("query", "status",
                    "status must be one of " + String.join(", ", CabinetApplicationRepository.STATUSES));
        }
        return applications.list(value == null ? null : CabinetApplicationRepository.dbStatus(value), window.skip(), window.limit())
                .stream().map(Application::out).toList();
    }

    List<CabinetApplicationOut> paid(Window window) {
        return applications.paid(window.skip(), window.limit()).stream().map(Application::out).toList();
    }

    /** The signed-in firm's applications, each with its open payment's link while unpaid. */
    List<CabinetApplicationOut> mine(CurrentUser me, Window window) {
        if (me == null || me.machine()) {
            return List.of();
        }
        return applications.owned(me.id(), access.emailOf(me), window.skip(), window.limit()).stream()
                .map(this::withOpenPayment).toList();
    }

    /** B5's counts; revenue in EUR as before, or, when no fee was paid in EUR, in the currency of the largest total. */
    CabinetViews.CabinetApplicationStats stats() {
        CabinetApplicationRepository.Counts c = applications.counts();
        Map<String, java.math.BigDecimal> revenue = applications.revenueByCurrency();
        String currency = revenue.isEmpty() || revenue.containsKey("EUR") ? "EUR" : revenue.keySet().iterator().next();
        return new CabinetViews.CabinetApplicationStats(c.total(), c.pending(), c.paid(), c.approved(), c.rejected(),
                revenue.getOrDefault(currency, java.math.BigDecimal.ZERO.setScale(2)), currency, revenue);
    }

    private CabinetApplicationOut withOpenPayment(Application a) {
        return a.out().withPayment(openPaymentLink(a));
    }

    private String openPaymentLink(Application a) {
        if (!a.awaitingPayment()) {
            return null;
        }
        return payments.inFlight(PayableType.CABINET_APPLICATION, a.id()).map(InitiatedPayment::paymentLink).orElse(null);
    }

    /** Required texts: absent or blank means "unchanged" (a blank name is refused by validation before). */
    private static void putIfText(Map<String, Object> changes, String column, String value) {
        if (value != null && !value.isBlank()) {
            changes.put(column, value.trim());
        }
    }

    /** Optional free texts: absent means "unchanged", empty means "cleared". */
    private static void putIfGiven(Map<String, Object> changes, String column, String value) {
        if (value != null) {
            changes.put(column, CabinetInputs.blankToNull(value));
        }
    }
}

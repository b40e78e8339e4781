package org.lafaom.platform.registration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.lafaom.platform.payments.InitiatedPayment;
import org.lafaom.platform.payments.PayableType;
import org.lafaom.platform.payments.PaymentRequest;
import org.lafaom.platform.payments.Payments;
import org.lafaom.platform.registration.ApplicationInputs.TrainingFeeInput;
import org.lafaom.platform.registration.ApplicationRepository.Application;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.training.TrainingSessions;
import org.lafaom.platform.training.TrainingSessions.SessionTerms;
import org.lafaom.platform.users.UserAccounts;
import org.lafaom.platform.users.UserCredentials;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Starts the payments a student makes: the registration fee when an application is submitted, and
 * the training fee in instalments once registered. Each payment opens inside the transaction that
 * locked the application, so a refused or failed initiation leaves nothing behind, and one payment
 * at a time is in flight per application: coming back returns the open one instead of a second.
 */
@Service
class FeePayments {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Payments payments;
    private final ApplicationRepository applications;
    private final InstalmentRepository instalments;
    private final TrainingSessions sessions;
    private final UserAccounts accounts;
    private final ObjectMapper mapper;

    FeePayments(Payments payments, ApplicationRepository applications, InstalmentRepository instalments, TrainingSessions sessions,
            UserAccounts accounts, ObjectMapper mapper) {
        this.payments = payments;
        this.applications = applications;
        this.instalments = instalments;
        this.sessions = sessions;
        this.accounts = accounts;
        this.mapper = mapper;
    }

    /** The registration fee's payment of a locked, submitted application: the one in flight, or a new one. */
    @Transactional(propagation = Propagation.MANDATORY)
    InitiatedPayment registrationFee(Application application, SessionTerms session, UserCredentials student) {
        if (!application.hasRegistrationFee() || application.paid()) {
            return new InitiatedPayment(null, BigDecimal.ZERO, null, null, null, "No registration fee to pay");
        }
        String payableId = String.valueOf(application.id());
        Optional<InitiatedPayment> open = payments.inFlight(PayableType.STUDENT_APPLICATION, payableId);
        if (open.isPresent()) {
            return open.get();
        }
        return payments.initiate(new PaymentRequest(PayableType.STUDENT_APPLICATION, payableId, application.registrationFee(),
                application.currency(),
                "Payment for training application fee of " + session.trainingTitle() + " (" + application.applicationNumber() + ")",
                customer(student), student.lang()));
    }

    /**
     * A training-fee payment for a session the student is registered to (registration fee paid).
     * The instalment due now is the schedule's next percentage of the fee, capped at what is left;
     * the student may pay less, never more, and never while another instalment is being paid.
     */
    @Transactional
    InitiatedPayment trainingFee(TrainingFeeInput in, CurrentUser me) {
        Application application = applications.lockRegisteredForSession(me.id(), in.trainingSessionId())
                .orElseThrow(() -> new ApiException(ErrorCode.YOU_ARE_NOT_REGISTERED_FOR_THIS_TRAINING_SESSION));
        SessionTerms session = sessions.terms(in.trainingSessionId())
                .orElseThrow(() -> new ApiException(ErrorCode.TRAINING_SESSION_NOT_FOUND));
        BigDecimal fee = application.trainingFee() == null ? BigDecimal.ZERO : application.trainingFee();
        InstalmentRepository.Paid paid = instalments.paid(application.id());
        BigDecimal left = fee.subtract(paid.total());
        if (left.signum() <= 0) {
            throw new ApiException(ErrorCode.TRAINING_FEE_ALREADY_PAID);
        }
        Optional<InitiatedPayment> open = inFlightInstalment(application.id());
        if (open.isPresent()) {
            if (open.get().amount().compareTo(in.amount()) == 0) {
                return open.get();
            }
            throw new ApiException(ErrorCode.PAYMENT_ALREADY_EXISTS, "A training-fee payment of " + open.get().amount().toPlainString()
                    + " " + application.currency() + " is in progress (transaction " + open.get().transactionId()
                    + "): finish it, or wait until it is abandoned, before starting another");
        }
        int number = paid.count() + 1;
        BigDecimal due = dueNow(fee, left, schedule(application, session), number);
        if (in.amount().compareTo(due) > 0) {
            throw new ApiException(ErrorCode.TRAINING_FEE_INSTALLMENT_AMOUNT_TOO_SMALL, "The amount is more than instalment " + number
                    + " due now (" + due.toPlainString() + " " + application.currency() + ")");
        }
        int instalmentId = instalments.insert(application.id(), session.id(), me.id(), number, in.amount(), left.subtract(in.amount()),
                application.currency());
        UserCredentials student = accounts.findById(me.id()).orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND));
        InitiatedPayment started = payments.initiate(new PaymentRequest(PayableType.TRAINING_FEE_INSTALLMENT, String.valueOf(instalmentId),
                in.amount(), application.currency(),
                "Payment for training fee of " + session.trainingTitle() + " (" + application.applicationNumber() + ", instalment "
                        + number + ")",
                customer(student), student.lang()));
        return new InitiatedPayment(started.paymentProvider(), started.amount(), started.transactionId(), started.paymentLink(),
                started.notifyUrl(), "Application submitted successfully");
    }

    /** Whether a payment of the application's fees is still open at CinetPay (it may yet be paid). */
    boolean anyInFlight(Application application) {
        return payments.inFlight(PayableType.STUDENT_APPLICATION, String.valueOf(application.id())).isPresent()
                || inFlightInstalment(application.id()).isPresent();
    }

    private Optional<InitiatedPayment> inFlightInstalment(int applicationId) {
        return instalments.unpaid(applicationId).stream()
                .map(id -> payments.inFlight(PayableType.TRAINING_FEE_INSTALLMENT, String.valueOf(id)))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Instalment {@code number} (from 1) of the schedule, capped at what is left; past the schedule, the rest. */
    static BigDecimal dueNow(BigDecimal fee, BigDecimal left, List<BigDecimal> schedule, int number) {
        if (number > schedule.size()) {
            return left;
        }
        BigDecimal share = fee.multiply(schedule.get(number - 1)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        return share.min(left);
    }

    /** The percentages agreed when applying (the application's copy), else the session's; none means one payment. */
    private List<BigDecimal> schedule(Application application, SessionTerms session) {
        List<BigDecimal> percentages = session.installmentPercentage();
        if (application.installmentPercentage() != null && !application.installmentPercentage().isBlank()) {
            try {
                percentages = List.of(mapper.readValue(application.installmentPercentage(), BigDecimal[].class));
            } catch (RuntimeException e) {
                // A malformed legacy value: the session's current schedule applies.
            }
        }
        List<BigDecimal> usable = percentages == null ? List.of()
                : percentages.stream().filter(p -> p != null && p.signum() > 0).toList();
        return usable.isEmpty() ? List.of(HUNDRED) : usable;
    }

    private static PaymentRequest.Customer customer(UserCredentials student) {
        return new PaymentRequest.Customer(student.id(), student.lastName(), student.firstName(), student.email(), null, null, null,
                null, null, null);
    }
}

package org.lafaom.platform.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.lafaom.platform.notifications.MailQueue;
import org.lafaom.platform.notifications.MailTemplate;
import org.lafaom.platform.payments.PaymentSettled;
import org.lafaom.platform.registration.ApplicationRepository.Application;
import org.lafaom.platform.training.TrainingSessions.SessionTerms;
import org.lafaom.platform.users.UserCredentials;
import org.springframework.stereotype.Component;

/**
 * The e-mails a student gets about an application, queued in the transaction of the change they
 * tell about: if the change rolls back, no e-mail leaves; once it commits, the e-mail is delivered
 * (retried while SMTP is down) exactly once per change.
 */
@Component
class ApplicationMails {

    private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MailQueue mail;

    ApplicationMails(MailQueue mail) {
        this.mail = mail;
    }

    void accountCreated(UserCredentials student, Application application, SessionTerms session, String link, long days) {
        Map<String, Object> values = common(student, application, session);
        values.put("email", student.email());
        values.put("link", link);
        values.put("days", days);
        mail.enqueue("student-account-" + student.id(), student.email(), MailTemplate.STUDENT_ACCOUNT_CREATED, student.lang(), values);
    }

    /**
     * Tells the student the application's new status. The key names the application, the status
     * and the instant of the change, so a later change back to the same status is mailed again.
     */
    void statusChanged(UserCredentials student, Application application, SessionTerms session, String status, String reason) {
        Map<String, Object> values = common(student, application, session);
        values.put("reason", reason == null ? "" : reason);
        boolean en = "en".equals(student.lang());
        values.put("required", session.requiredAttachmentsOrEmpty().isEmpty()
                ? (en ? "no particular document" : "aucun document particulier")
                : String.join(", ", session.requiredAttachmentsOrEmpty()));
        MailTemplate template = switch (status) {
            case "RECEIVED" -> MailTemplate.APPLICATION_RECEIVED;
            case "SUBMITTED" -> MailTemplate.APPLICATION_SUBMITTED;
            case "APPROVED" -> MailTemplate.APPLICATION_APPROVED;
            case "REFUSED" -> MailTemplate.APPLICATION_REFUSED;
            default -> throw new IllegalArgumentException("No e-mail for status " + status);
        };
        String key = "student-application-" + application.id() + "-" + status + "-" + System.currentTimeMillis();
        mail.enqueue(key, student.email(), template, student.lang(), values);
    }

    /** The registration fee is paid: the application goes to review. Keyed by the payment, so it is sent once. */
    void registrationFeePaid(UserCredentials student, Application application, SessionTerms session, PaymentSettled payment) {
        Map<String, Object> values = common(student, application, session);
        values.put("amount", payment.amount().stripTrailingZeros().toPlainString());
        values.put("currency", payment.currency());
        values.put("transaction_id", payment.transactionId());
        mail.enqueue("registration-fee-paid-" + payment.paymentId(), student.email(), MailTemplate.REGISTRATION_FEE_PAID,
                student.lang(), values);
    }

    /** An instalment of the training fee is paid, and what is left. Keyed by the payment, so it is sent once. */
    void instalmentPaid(UserCredentials student, Application application, SessionTerms session, InstalmentRepository.Instalment instalment,
            BigDecimal restToPay, PaymentSettled payment) {
        Map<String, Object> values = common(student, application, session);
        values.put("installment_number", instalment.installmentNumber());
        values.put("amount", instalment.amount().stripTrailingZeros().toPlainString());
        values.put("currency", instalment.currency());
        boolean en = "en".equals(student.lang());
        String rest = restToPay.stripTrailingZeros().toPlainString() + " " + instalment.currency();
        values.put("balance", restToPay.signum() == 0
                ? (en ? "Your training fee is now fully paid. Thank you!" : "Vos frais de formation sont entièrement payés. Merci !")
                : (en ? "Left to pay: " + rest + "." : "Reste à payer : " + rest + "."));
        values.put("transaction_id", payment.transactionId());
        mail.enqueue("training-fee-paid-" + payment.paymentId(), student.email(), MailTemplate.TRAINING_FEE_INSTALMENT_PAID,
                student.lang(), values);
    }

    private static Map<String, Object> common(UserCredentials student, Application application, SessionTerms session) {
        boolean en = "en".equals(student.lang());
        Map<String, Object> values = new HashMap<>();
        values.put("first_name", student.firstName() == null || student.firstName().isBlank() ? (en ? "there" : "") : student.firstName());
        values.put("application_number", application.applicationNumber());
        values.put("training_title", session.trainingTitle());
        values.put("start_date", date(session.startDate(), en));
        values.put("end_date", date(session.endDate(), en));
        return values;
    }

    private static String date(LocalDate date, boolean en) {
        if (date == null) {
            return "—";
        }
        return en ? date.toString() : FR.format(date);
    }
}

package org.lafaom.platform.notifications;

/** The e-mails the platform sends; each has {@code templates/mail/<lang>/<name>.mustache}. */
public enum MailTemplate {
    TWO_FACTOR_CODE("two_factor_code"),
    FORGOTTEN_PASSWORD("forgotten_password"),
    CHANGE_EMAIL("change_email"),
    PASSWORD_CHANGED("password_changed"),
    STUDENT_ACCOUNT_CREATED("student_account_created"),
    APPLICATION_RECEIVED("application_received"),
    APPLICATION_SUBMITTED("application_submitted"),
    APPLICATION_APPROVED("application_approved"),
    APPLICATION_REFUSED("application_refused"),
    REGISTRATION_FEE_PAID("registration_fee_paid"),
    TRAINING_FEE_INSTALMENT_PAID("training_fee_instalment_paid"),
    JOB_APPLICATION_CONFIRMATION("job_application_confirmation"),
    JOB_APPLICATION_OTP("job_application_otp"),
    JOB_APPLICATION_APPROVED("job_application_approved"),
    JOB_APPLICATION_REFUSED("job_application_refused"),
    CABINET_APPLICATION_PAYMENT("cabinet_application_payment"),
    CABINET_ACCOUNT_CREATED("cabinet_account_created"),
    CABINET_PAYMENT_RECEIVED("cabinet_payment_received"),
    CABINET_APPLICATION_APPROVED("cabinet_application_approved"),
    CABINET_APPLICATION_REJECTED("cabinet_application_rejected");

    private final String file;

    MailTemplate(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }
}

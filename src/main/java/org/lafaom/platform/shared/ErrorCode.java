package org.lafaom.platform.shared;

import org.springframework.http.HttpStatus;

/**
 * Error codes of the contract (verbatim, see api-conventions.md) plus the few this service adds for
 * failures the old backend answered with a 500. Each carries its HTTP status and default message.
 */
public enum ErrorCode {
    // Framework and edge failures.
    VALIDATION_ERROR("validation_error", "Validation error", HttpStatus.UNPROCESSABLE_CONTENT),
    NOT_FOUND("not_found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method_not_allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    PAYLOAD_TOO_LARGE("payload_too_large", "Request body is too large", HttpStatus.CONTENT_TOO_LARGE),
    TOO_MANY_REQUESTS("too_many_requests", "Too many attempts, try again later", HttpStatus.TOO_MANY_REQUESTS),
    SERVER_ERROR("server_error", "Server error", HttpStatus.INTERNAL_SERVER_ERROR),
    SERVICE_UNAVAILABLE("service_unavailable", "Service temporarily unavailable, try later", HttpStatus.SERVICE_UNAVAILABLE),
    INVALID_FILE("invalid_file", "The file is not of an accepted type", HttpStatus.BAD_REQUEST),
    EMAIL_DELIVERY_FAILED("email_delivery_failed", "The e-mail could not be sent, try later", HttpStatus.SERVICE_UNAVAILABLE),

    // Authentication and accounts.
    NOT_AUTHENTICATED("not_authenticated", "Not Authenticated", HttpStatus.UNAUTHORIZED),
    INVALID_TOKEN("invalid_token", "Invalid Token", HttpStatus.UNAUTHORIZED),
    INVALID_CREDENTIALS("invalid_credentials", "Invalid Credentials", HttpStatus.UNAUTHORIZED),
    INVALID_TOKEN_TYPE("invalid_token_type", "Invalid Token Type", HttpStatus.UNAUTHORIZED),
    UNKNOWN_ERROR("unknown_error", "Error has occur, try latter", HttpStatus.BAD_REQUEST),
    FAILED_TO_OBTAIN_TOKEN("failed_to_obtain_token", "Failed to obtain token", HttpStatus.BAD_REQUEST),
    USER_NOT_FOUND("user_not_found", "User not found", HttpStatus.NOT_FOUND),
    CODE_NOT_EXIST("code_not_exist", "Code does not exist", HttpStatus.BAD_REQUEST),
    CODE_ALREADY_USED("code_already_used", "Code already used", HttpStatus.BAD_REQUEST),
    CODE_HAS_EXPIRED("code_has_expired", "Code has expired", HttpStatus.BAD_REQUEST),
    USER_NOT_ACTIVE("user_not_active", "User is not active", HttpStatus.FORBIDDEN),
    COULD_NOT_VALIDATE_CREDENTIALS("could_not_validate_credentials", "Could not validate credentials", HttpStatus.UNAUTHORIZED),
    INCORRECT_EMAIL_OR_PASSWORD("in_correct_email_or_password", "Incorrect email or password", HttpStatus.UNAUTHORIZED),
    EMAIL_ALREADY_TAKEN("email_already_token", "Email already taken", HttpStatus.BAD_REQUEST),
    EMAIL_NOT_FOUND("email_not_found", "User email not found", HttpStatus.BAD_REQUEST),
    PASSWORD_NOT_CORRECT("password_not_correct", "The password is not correct", HttpStatus.BAD_REQUEST),
    REFRESH_TOKEN_NOT_FOUND("refresh_token_not_found", "Refresh token not found", HttpStatus.UNAUTHORIZED),
    REFRESH_TOKEN_HAS_EXPIRED("refresh_token_has_expired", "Refresh token has expired", HttpStatus.UNAUTHORIZED),
    SOMETHING_WENT_WRONG("something_went_wrong", "Something went wrong try later", HttpStatus.BAD_REQUEST),
    ACCESS_DENIED("access_denied", "Access denied", HttpStatus.FORBIDDEN),
    CAN_NOT_DELETE_SUPER_ADMIN("can_not_delete_super_admin", "Can not delete super admin", HttpStatus.BAD_REQUEST),
    NO_ROLE_FOUND("no_role_found", "No role found", HttpStatus.NOT_FOUND),
    ROLE_NOT_FOUND("role_not_found", "Role not found", HttpStatus.NOT_FOUND),
    PERMISSION_NOT_FOUND("permission_not_found", "Permission not found", HttpStatus.BAD_REQUEST),
    INVALID_CLIENT("invalid_client", "Invalid client credentials", HttpStatus.UNAUTHORIZED),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", "Unsupported grant type", HttpStatus.BAD_REQUEST),
    INVALID_SCOPE("invalid_scope", "Scope or audience not allowed for this client", HttpStatus.BAD_REQUEST),
    WEAK_PASSWORD("weak_password", "Password must have at least 8 characters", HttpStatus.BAD_REQUEST),
    MOODLE_UNAVAILABLE("moodle_unavailable", "Moodle cannot be reached, try later", HttpStatus.SERVICE_UNAVAILABLE),
    MOODLE_NOT_CONFIGURED("moodle_not_configured", "Moodle provisioning is not configured (MOODLE_WS_TOKEN or MOODLE_WS_TOKEN_FILE)",
            HttpStatus.CONFLICT),

    // Payments (payments-and-content.md section E: the contract answers 400 for these).
    PAYMENT_NOT_FOUND("payment_not_found", "Payment not found", HttpStatus.BAD_REQUEST),
    PAYMENT_ALREADY_EXISTS("payment_already_exists", "Payment already exists", HttpStatus.BAD_REQUEST),
    /** A CinetPay notification whose x-token does not verify; the contract renders it as not_authenticated. */
    NOTIFICATION_SIGNATURE_INVALID("not_authenticated", "Not Authenticated", HttpStatus.FORBIDDEN),

    // Job offers and job applications.
    JOB_OFFER_NOT_FOUND("job_offer_not_found", "Job offer not found", HttpStatus.BAD_REQUEST),
    JOB_OFFER_REFERENCE_TAKEN("job_offer_reference_taken", "Job offer reference already exists", HttpStatus.BAD_REQUEST),
    JOB_OFFER_CLOSED("job_offer_closed", "Job offer is closed", HttpStatus.BAD_REQUEST),
    JOB_ATTACHMENT_REQUIRED("job_attachment_required", "Job attachment is required", HttpStatus.BAD_REQUEST),
    JOB_APPLICATION_NOT_FOUND("job_application_not_found", "Job application not found", HttpStatus.BAD_REQUEST),
    JOB_ATTACHMENT_NOT_FOUND("job_attachment_not_found", "Job attachment not found", HttpStatus.BAD_REQUEST),
    INVALID_OTP_OR_APPLICATION_NOT_FOUND(
            "invalid_otp_or_application_not_found", "Invalid OTP code or application not found", HttpStatus.BAD_REQUEST),

    // Trainings, sessions, registrations, reclamations and organisation centres.
    TRAINING_NOT_FOUND("training_not_found", "Training not found", HttpStatus.NOT_FOUND),
    TRAINING_SESSION_NOT_FOUND("training_session_not_found", "Training session not found", HttpStatus.NOT_FOUND),
    SPECIALTY_NOT_FOUND("specialty_not_found", "Specialty not found", HttpStatus.NOT_FOUND),
    SPECIALTY_NAME_ALREADY_EXISTS("specialty_name_already_exists", "Specialty with this name already exists", HttpStatus.BAD_REQUEST),
    STUDENT_APPLICATION_NOT_FOUND("student_application_not_found", "Student application not found", HttpStatus.NOT_FOUND),
    STUDENT_ATTACHMENT_NOT_FOUND("student_attachment_not_found", "Student attachment not found", HttpStatus.NOT_FOUND),
    STUDENT_APPLICATION_ALREADY_EXISTS("student_application_already_exists",
            "You already have an application for this training session", HttpStatus.CONFLICT),
    INVALID_STATUS_TRANSITION("invalid_status_transition", "This status change is not allowed from the current status",
            HttpStatus.CONFLICT),
    MISSING_REQUIRED_ATTACHMENTS("missing_required_attachments", "Some required documents are missing", HttpStatus.BAD_REQUEST),
    CANNOT_APPROVE_UNPAID_APPLICATION("cannot_approve_unpaid_application", "cannot approve unpaid application", HttpStatus.BAD_REQUEST),
    REGISTRATION_CLOSED("registration_closed", "Registration is closed", HttpStatus.BAD_REQUEST),
    NO_AVAILABLE_SLOTS("no_available_slots", "No available slots", HttpStatus.BAD_REQUEST),
    SESSION_NOT_OPEN("session_not_open", "Session is not open", HttpStatus.BAD_REQUEST),
    HAS_DEPENDENTS("has_dependents", "Delete or move what still depends on it first", HttpStatus.CONFLICT),
    YOU_ARE_NOT_REGISTERED_FOR_THIS_TRAINING_SESSION("you_are_not_registered_for_this_training_session",
            "You are not registered for this training session", HttpStatus.BAD_REQUEST),
    TRAINING_FEE_ALREADY_PAID("training_fee_already_paid", "Training fee already paid", HttpStatus.BAD_REQUEST),
    TRAINING_FEE_INSTALLMENT_AMOUNT_TOO_SMALL("training_fee_installment_amount_too_small",
            "Training fee installment amount too small", HttpStatus.BAD_REQUEST),
    PAYMENT_INITIATION_FAILED("payment_initiation_failed", "Payment initiation failed", HttpStatus.BAD_REQUEST),
    RECLAMATION_NOT_FOUND("reclamation_not_found", "Reclamation not found", HttpStatus.NOT_FOUND),
    RECLAMATION_TYPE_NOT_FOUND("reclamation_type_not_found", "Reclamation type not found", HttpStatus.NOT_FOUND),
    ORGANIZATION_CENTER_NOT_FOUND("organization_center_not_found", "Organization center not found", HttpStatus.NOT_FOUND),
    ORGANIZATION_CENTER_EMAIL_ALREADY_EXISTS("organization_center_email_already_exists", "Organization center email already exists",
            HttpStatus.BAD_REQUEST),
    ORGANIZATION_CENTER_NAME_ALREADY_EXISTS("organization_center_name_already_exists", "Organization center name already exists",
            HttpStatus.BAD_REQUEST),

    // Blog (payments-and-content.md D and E): "not found" is a 400 except GET /blog/categories/{id}.
    CATEGORY_NOT_FOUND("category_not_found", "Category not found", HttpStatus.NOT_FOUND),
    CATEGORY_NOT_FOUND_IN_REQUEST("category_not_found", "Category not found", HttpStatus.BAD_REQUEST),
    CATEGORY_SLUG_TAKEN("category_slug_taken", "Category slug already exists", HttpStatus.BAD_REQUEST),
    CATEGORY_ALREADY_EXISTS("category_already_exists", "Category already exists", HttpStatus.BAD_REQUEST),
    POST_NOT_FOUND("post_not_found", "Post not found", HttpStatus.BAD_REQUEST),
    POST_ALREADY_EXISTS("post_already_exists", "Post already exists", HttpStatus.BAD_REQUEST),
    POST_SECTION_NOT_FOUND("post_section_not_found", "Post section not found", HttpStatus.BAD_REQUEST),

    // Cabinet applications (payments-and-content.md B): the web clients show these French texts as {"detail"}.
    CABINET_APPLICATION_NOT_FOUND("cabinet_application_not_found", "Candidature non trouvée", HttpStatus.NOT_FOUND),
    CABINET_APPLICATION_ALREADY_EXISTS("cabinet_application_already_exists", "Une candidature existe déjà pour cet email",
            HttpStatus.CONFLICT),
    APPLICATION_FEE_NOT_FOUND("application_fee_not_found", "Frais non trouvés", HttpStatus.NOT_FOUND),
    CAMPAIGN_NOT_FOUND("campaign_not_found", "Campagne non trouvée", HttpStatus.NOT_FOUND),
    ENDPOINT_GONE("endpoint_gone", "This route no longer exists", HttpStatus.GONE);

    private final String code;
    private final String message;
    private final HttpStatus status;

    ErrorCode(String code, String message, HttpStatus status) {
        this.code = code;
        this.message = message;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    public HttpStatus status() {
        return status;
    }
}

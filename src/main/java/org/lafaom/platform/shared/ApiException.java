package org.lafaom.platform.shared;

import java.util.List;

/** A failure that reaches the client as the contract's envelope with the code's HTTP status. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> fieldErrors;

    public ApiException(ErrorCode code) {
        this(code, code.message());
    }

    public ApiException(ErrorCode code, String message) {
        super(message);
        this.code = code;
        this.fieldErrors = List.of();
    }

    private ApiException(List<FieldError> fieldErrors) {
        super(ErrorCode.VALIDATION_ERROR.message());
        this.code = ErrorCode.VALIDATION_ERROR;
        this.fieldErrors = fieldErrors;
    }

    public static ApiException validation(String location, String field, String msg) {
        return new ApiException(List.of(FieldError.of(location, field, msg)));
    }

    public ErrorCode code() {
        return code;
    }

    /** Seconds the client should wait before trying again, for 429 answers; null otherwise. */
    public Long retryAfterSeconds() {
        return null;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}

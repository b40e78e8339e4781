package org.lafaom.platform.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The contract's failure envelope; {@code data} and {@code error} appear only for validation errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(boolean success, String message, String errorCode, Object data, List<FieldError> error) {

    public static ErrorResponse of(ErrorCode code) {
        return new ErrorResponse(false, code.message(), code.code(), null, null);
    }

    public static ErrorResponse of(ErrorCode code, String message) {
        return new ErrorResponse(false, message == null ? code.message() : message, code.code(), null, null);
    }

    public static ErrorResponse validation(Object data, List<FieldError> errors) {
        return new ErrorResponse(
                false, ErrorCode.VALIDATION_ERROR.message(), ErrorCode.VALIDATION_ERROR.code(), data, errors);
    }
}

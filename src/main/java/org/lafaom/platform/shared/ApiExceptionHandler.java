package org.lafaom.platform.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns every failure raised while handling a request, Spring MVC's own included, into the
 * contract's envelope. A 500 never carries the exception text; it is logged with the request id.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ObjectMapper objectMapper;

    ApiExceptionHandler(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorResponse> handleApi(ApiException e) {
        if (e.code() == ErrorCode.VALIDATION_ERROR) {
            return ResponseEntity.status(e.code().status()).body(ErrorResponse.validation(null, e.fieldErrors()));
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.code().status());
        if (e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        return response.body(ErrorResponse.of(e.code(), e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ErrorResponse> handleAccessDenied(AccessDeniedException e, HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
        ErrorCode code = anonymous ? AuthenticationFailure.of(request) : ErrorCode.ACCESS_DENIED;
        return ResponseEntity.status(code.status()).body(ErrorResponse.of(code));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorResponse> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName().toLowerCase(Locale.ROOT);
        return validation(null, List.of(FieldError.of((e.getParameter().hasParameterAnnotation(
                org.springframework.web.bind.annotation.PathVariable.class) ? "path" : "query"), e.getName(),
                "Input should be a valid " + expected)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorResponse> handleUnexpected(Exception e, HttpServletRequest request) {
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ErrorResponse.of(ErrorCode.SERVER_ERROR));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(fe -> errors.add(FieldError.of("body", snake(fe.getField()), fe.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(FieldError.of("body", "__root__", ge.getDefaultMessage())));
        return cast(validation(withoutSecrets(ex.getBindingResult().getTarget()), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                FieldError.of("query", snake(String.valueOf(r.getMethodParameter().getParameterName())), err.getDefaultMessage()))));
        return cast(validation(null, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            // A bad date is a DateTimeParseException inside the JacksonException that knows the field.
            if (t instanceof JacksonException je && !je.getPath().isEmpty()) {
                cause = je;
                break;
            }
        }
        if (cause instanceof JacksonException je && !je.getPath().isEmpty()) {
            List<Object> loc = new ArrayList<>();
            loc.add("body");
            je.getPath().forEach(ref -> loc.add(ref.getPropertyName() != null ? ref.getPropertyName() : ref.getIndex()));
            String msg = "Input is not valid for this field: " + firstLine(je.getOriginalMessage());
            return cast(validation(null, List.of(new FieldError(loc, msg, "type_error"))));
        }
        String msg = cause instanceof JacksonException ? "Request body is not valid JSON" : "Request body is missing or unreadable";
        return cast(validation(null, List.of(new FieldError(List.of("body"), msg, "json_invalid"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(validation(null, List.of(FieldError.of("query", ex.getParameterName(), "Field required"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(validation(null, List.of(FieldError.of("body", ex.getRequestPartName(), "Field required"))));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return envelope(ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return envelope(ErrorCode.NOT_FOUND);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return envelope(ErrorCode.METHOD_NOT_ALLOWED);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return envelope(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    }

    /** Any other MVC failure keeps its status but speaks our envelope. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ErrorCode code = status.is5xxServerError() ? ErrorCode.SERVER_ERROR : ErrorCode.UNKNOWN_ERROR;
        if (status.is5xxServerError()) {
            log.error("MVC failure", ex);
        }
        return ResponseEntity.status(status).body(new ErrorResponse(false,
                status.is5xxServerError() ? code.message() : firstLine(ex.getMessage()), code.code(), null, null));
    }

    private ResponseEntity<Object> envelope(ErrorCode code) {
        return ResponseEntity.status(code.status()).body(ErrorResponse.of(code));
    }

    private ResponseEntity<ErrorResponse> validation(Object data, List<FieldError> errors) {
        return ResponseEntity.status(ErrorCode.VALIDATION_ERROR.status()).body(ErrorResponse.validation(data, errors));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<?> entity) {
        return (ResponseEntity) entity;
    }

    /** The request body echoed in a 422, minus anything secret (the old backend echoed passwords). */
    private Object withoutSecrets(Object target) {
        if (target == null) {
            return null;
        }
        try {
            JsonNode node = objectMapper.valueToTree(target);
            if (node instanceof ObjectNode object) {
                List<String> secret = new ArrayList<>();
                object.propertyNames().forEach(name -> {
                    if (SensitiveFields.isSensitive(name)) {
                        secret.add(name);
                    }
                });
                secret.forEach(object::remove);
            }
            return node;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}

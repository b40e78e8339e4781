package org.lafaom.platform.cabinet;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.ErrorResponse;
import org.lafaom.platform.shared.FieldError;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The web clients read cabinet errors as FastAPI wrote them, {@code {"detail": "<text>"}} (the admin
 * app) or {@code message} (the public site). Every failure under the cabinet prefix, whichever
 * handler wrote it, gets {@code detail} (a readable text, also for 422s) in front of the usual
 * failure envelope ({@code success}, {@code message}, {@code error_code}, and {@code error} for 422s).
 */
@ControllerAdvice
class CabinetErrorBodies implements ResponseBodyAdvice<Object> {

    static final String PREFIX = "/api/v1/cabinet-application";

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ErrorResponse error && request instanceof ServletServerHttpRequest servlet && isCabinet(servlet.getServletRequest())) {
            return detailed(error);
        }
        return body;
    }

    /** An error answer built by a cabinet route itself (one that must commit, so it cannot throw). */
    static Map<String, Object> body(ErrorCode code, String message) {
        return detailed(ErrorResponse.of(code, message));
    }

    private static Map<String, Object> detailed(ErrorResponse error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", error.error() == null || error.error().isEmpty() ? error.message() : readable(error));
        body.put("success", false);
        body.put("message", error.message());
        body.put("error_code", error.errorCode());
        if (error.data() != null) {
            body.put("data", error.data());
        }
        if (error.error() != null) {
            body.put("error", error.error());
        }
        return body;
    }

    private static String readable(ErrorResponse error) {
        return error.message() + ": " + error.error().stream().map(CabinetErrorBodies::readable).collect(Collectors.joining("; "));
    }

    private static String readable(FieldError e) {
        String where = e.loc().size() > 1 ? String.valueOf(e.loc().getLast()) : String.valueOf(e.loc().getFirst());
        return where + " " + e.msg();
    }

    private static boolean isCabinet(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = forwarded instanceof String s ? s : request.getRequestURI();
        return path != null && (path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
    }
}

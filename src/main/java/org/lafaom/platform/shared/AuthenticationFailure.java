package org.lafaom.platform.shared;

import jakarta.servlet.http.HttpServletRequest;

/** Why a request's bearer token was not accepted, so a protected route can answer with that code. */
public final class AuthenticationFailure {

    public static final String ATTRIBUTE = AuthenticationFailure.class.getName();

    private AuthenticationFailure() {}

    public static void record(HttpServletRequest request, ErrorCode code) {
        request.setAttribute(ATTRIBUTE, code);
    }

    public static ErrorCode of(HttpServletRequest request) {
        Object code = request.getAttribute(ATTRIBUTE);
        return code instanceof ErrorCode c ? c : ErrorCode.NOT_AUTHENTICATED;
    }
}

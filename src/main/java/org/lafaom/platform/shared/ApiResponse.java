package org.lafaom.platform.shared;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The contract's success envelope: {@code {"success": true, "message": "...", "data": ...}}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiResponse<T>(boolean success, String message, T data) {

    public static <T> ApiResponse<T> ok(String message, T data) {
        return new ApiResponse<>(true, message, data);
    }
}

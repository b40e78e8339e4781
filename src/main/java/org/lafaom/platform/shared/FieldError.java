package org.lafaom.platform.shared;

import java.util.List;

/** One item of the 422 {@code error} list: where the problem is and what it is. */
public record FieldError(List<Object> loc, String msg, String type) {

    public static FieldError of(String location, String field, String msg) {
        return new FieldError(List.of(location, field), msg, "value_error");
    }
}

package org.lafaom.platform.shared;

import java.util.List;

/** Checks a value against the contract's enum strings at the edge (422 naming the allowed values). */
public final class Choices {

    private Choices() {}

    /** {@code value} if it is one of {@code allowed} (or null), else a 422 on {@code location.field}. */
    public static String check(String location, String field, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw ApiException.validation(location, field, "Input should be " + String.join(", ", allowed.stream().map(a -> "'" + a + "'").toList()));
        }
        return value;
    }

    /** Like {@link #check}, but a missing value is refused too. */
    public static String require(String location, String field, String value, List<String> allowed) {
        if (value == null) {
            throw ApiException.validation(location, field, "Field required");
        }
        return check(location, field, value, allowed);
    }
}

package org.lafaom.platform.shared;

import java.util.Locale;

/** Names of request fields that must never be echoed back or logged. */
public final class SensitiveFields {

    private SensitiveFields() {}

    public static boolean isSensitive(String fieldName) {
        String name = fieldName.toLowerCase(Locale.ROOT);
        return name.contains("password")
                || name.contains("secret")
                || name.contains("token")
                || name.equals("code")
                || name.endsWith("_code") && !name.equals("country_code") && !name.equals("postal_code");
    }
}

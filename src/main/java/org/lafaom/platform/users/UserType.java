package org.lafaom.platform.users;

import java.util.Arrays;
import java.util.List;

/** User types as stored in {@code users.user_type}. */
public enum UserType {
    ADMIN, STAFF, TEACHER, STUDENT;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean isKnown(String value) {
        return Arrays.stream(values()).anyMatch(t -> t.value().equals(value));
    }

    public static List<String> all() {
        return Arrays.stream(values()).map(UserType::value).toList();
    }
}

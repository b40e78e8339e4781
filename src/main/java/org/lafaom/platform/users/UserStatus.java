package org.lafaom.platform.users;

import java.util.Arrays;
import java.util.List;

/** Account statuses as stored in {@code users.status}. Only active accounts may sign in. */
public enum UserStatus {
    ACTIVE, INACTIVE, BLOCKED, DELETED;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static List<String> all() {
        return Arrays.stream(values()).map(UserStatus::value).toList();
    }
}

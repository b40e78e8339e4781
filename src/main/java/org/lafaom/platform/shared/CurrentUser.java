package org.lafaom.platform.shared;

import java.util.Set;

/**
 * Who is calling, as established by the bearer token: a person (with their effective permissions)
 * or a machine client of {@code /auth/oauth/token} (with its scopes, subject {@code svc:<client>}).
 */
public record CurrentUser(String id, Set<String> permissions, Set<String> scopes, String tokenId, boolean machine) {

    /** For SpEL ({@code principal.machine}), which reads bean-style accessors. */
    public boolean isMachine() {
        return machine;
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }
}

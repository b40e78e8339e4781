package org.lafaom.platform.shared;

import java.security.Principal;
import java.util.Set;

/**
 * Who is calling, as established by the bearer token: a person (with their effective permissions)
 * or a machine client of {@code /auth/oauth/token} (with its scopes, subject {@code svc:<client>}).
 */
public record CurrentUser(String id, Set<String> permissions, Set<String> scopes, String tokenId, boolean machine)
        implements Principal {

    /**
     * The caller's id: what Spring Security's {@code Authentication.getName()} gives, and what
     * logs show, rather than the record's text with every permission (built on each request).
     */
    @Override
    public String getName() {
        return id;
    }

    /** For SpEL ({@code principal.machine}), which reads bean-style accessors. */
    public boolean isMachine() {
        return machine;
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }
}

package org.lafaom.platform.users;

/** What sign-in needs to know about an account; the hash never leaves the service. */
public record UserCredentials(
        String id,
        String email,
        String password,
        String status,
        String lang,
        String firstName,
        String lastName,
        boolean twoFactorEnabled) {

    public boolean isActive() {
        return UserStatus.ACTIVE.value().equals(status);
    }
}

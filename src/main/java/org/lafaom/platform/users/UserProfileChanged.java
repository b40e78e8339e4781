package org.lafaom.platform.users;

/**
 * A person's name, e-mail, status or other profile data changed, or the account was deleted
 * (Moodle's copy must follow). Published inside the transaction of the change.
 */
public record UserProfileChanged(String userId) {}

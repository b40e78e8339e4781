package org.lafaom.platform.users;

/** A person's name, e-mail or other profile data changed (Moodle's copy must follow). */
public record UserProfileChanged(String userId) {}

package org.lafaom.platform.users;

/** The account's refresh tokens must stop working (password changed or reset, blocked, deleted). */
public record UserSessionsRevoked(String userId) {}

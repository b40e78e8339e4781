/**
 * Identity: sign-in with throttling and e-mailed 2FA codes, RS256 tokens signed with keys kept
 * (encrypted) in PostgreSQL and rotated with overlap, the public JWKS, refresh-token rotation with
 * reuse detection, password reset and e-mail change, machine clients, and the bearer-token filter.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "users", "notifications"})
package org.lafaom.platform.auth;

package org.lafaom.platform.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lafaom.platform.shared.AuthenticationFailure;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.users.UserAccounts;
import org.lafaom.platform.users.UserStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code Authorization: Bearer <jwt>} into the request's {@link CurrentUser}. A person's
 * token only counts while the account is active, the token was issued after the account's last
 * "revoke all sessions", and it was not logged out. Failures leave the request anonymous and say
 * why in a request attribute, so a protected route answers 401 with the right code.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final TokenService tokens;
    private final UserAccounts accounts;
    BearerTokenFilter(TokenService tokens, UserAccounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            authenticate(header.substring(7).trim()).ifPresentOrElse(
                    auth -> SecurityContextHolder.getContext().setAuthentication(auth),
                    () -> AuthenticationFailure.record(request, ErrorCode.INVALID_TOKEN));
        }
        chain.doFilter(request, response);
    }

    private Optional<UsernamePasswordAuthenticationToken> authenticate(String token) {
        Optional<TokenService.VerifiedToken> verified = tokens.verify(token);
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        TokenService.VerifiedToken t = verified.get();
        if (t.isMachine()) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            t.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
            CurrentUser machine = new CurrentUser(t.subject(), Set.of(), Set.copyOf(t.scopes()), t.jti(), true);
            return Optional.of(new UsernamePasswordAuthenticationToken(machine, null, authorities));
        }
        Optional<UserAccounts.AccessProfile> profile = accounts.accessProfile(t.subject(), t.jti());
        if (profile.isEmpty()
                || !UserStatus.ACTIVE.value().equals(profile.get().status())
                || revokedSince(profile.get(), t)
                || profile.get().tokenRevoked()) {
            return Optional.empty();
        }
        List<GrantedAuthority> authorities = profile.get().permissions().stream()
                .map(p -> (GrantedAuthority) new SimpleGrantedAuthority(p))
                .toList();
        CurrentUser user = new CurrentUser(t.subject(), profile.get().permissions(), Set.of(), t.jti(), false);
        return Optional.of(new UsernamePasswordAuthenticationToken(user, null, authorities));
    }

    private static boolean revokedSince(UserAccounts.AccessProfile profile, TokenService.VerifiedToken token) {
        return profile.sessionsRevokedAt() != null && token.issuedAt().isBefore(profile.sessionsRevokedAt().toInstant());
    }
}

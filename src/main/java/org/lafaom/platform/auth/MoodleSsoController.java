package org.lafaom.platform.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.lafaom.platform.auth.SsoPages.Reason;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ApiResponse;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.WebProperties;
import org.lafaom.platform.users.UserAccounts;
import org.lafaom.platform.users.UserCredentials;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Identity provider for Moodle's auth_jwtsso plugin. Moodle sends the browser here with
 * {@code nonce}, {@code aud} and {@code redirect}; the person signs in (once per browser session:
 * an HttpOnly cookie remembers them) and goes back to Moodle's callback with a short RS256 token.
 * The browser is only ever sent back to the configured Moodle callback.
 */
@RestController
@RequestMapping("/api/v1/auth/moodle")
class MoodleSsoController {

    static final String SESSION_COOKIE = "LAFAOM_SSO";
    static final String CSRF_COOKIE = "LAFAOM_SSO_CSRF";
    private static final String COOKIE_PATH = "/api/v1/auth/moodle";
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{8,128}");

    private final AuthService auth;
    private final UserAccounts accounts;
    private final TokenService tokens;
    private final SsoSessions sessions;
    private final SsoPages pages;
    private final MoodleNonces nonces;
    private final MoodleSsoProperties moodle;
    private final String issuer;
    private final String publicOrigin;
    private final boolean secureCookies;

    MoodleSsoController(AuthService auth, UserAccounts accounts, TokenService tokens, SsoSessions sessions, SsoPages pages,
            MoodleNonces nonces, MoodleSsoProperties moodle, WebProperties web) {
        this.auth = auth;
        this.accounts = accounts;
        this.tokens = tokens;
        this.sessions = sessions;
        this.pages = pages;
        this.nonces = nonces;
        this.moodle = moodle;
        this.issuer = web.publicUrlWithoutSlash() + "/api/v1/auth/moodle/sso";
        URI publicUri = URI.create(web.publicUrlWithoutSlash());
        this.publicOrigin = publicUri.getScheme() + "://" + publicUri.getAuthority();
        this.secureCookies = "https".equalsIgnoreCase(publicUri.getScheme());
    }

    /** Flow A: Moodle's start.php sends the browser here. */
    @GetMapping("/sso")
    ResponseEntity<String> start(
            @RequestParam(required = false) String nonce,
            @RequestParam(required = false) String aud,
            @RequestParam(required = false) String redirect,
            @RequestParam(required = false) String lang,
            @CookieValue(name = SESSION_COOKIE, required = false) String session,
            HttpServletRequest request) {
        String language = language(lang, request);
        Reason invalid = invalid(nonce, aud, redirect);
        if (invalid != null) {
            return html(HttpStatus.BAD_REQUEST, pages.refused(language, invalid), null);
        }
        var signedIn = sessions.userOf(session).flatMap(accounts::findById);
        if (signedIn.isPresent()) {
            return backToMoodle(signedIn.get(), nonce, language, null);
        }
        String csrf = Secrets.opaqueToken();
        return html(HttpStatus.OK, pages.signIn(language, fields(nonce, aud, redirect, csrf, "", language), null), csrfCookie(csrf));
    }

    /** The sign-in form: a password, then an e-mailed code for accounts with 2FA. */
    @PostMapping(path = "/sso", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> submit(
            @RequestParam Map<String, String> form,
            @CookieValue(name = CSRF_COOKIE, required = false) String csrfCookie,
            HttpServletRequest request) {
        String language = language(form.get("lang"), request);
        String nonce = form.get("nonce");
        Reason invalid = invalid(nonce, form.get("aud"), form.get("redirect"));
        if (invalid != null) {
            return html(HttpStatus.BAD_REQUEST, pages.refused(language, invalid), null);
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (!Secrets.constantTimeEquals(csrfCookie, form.get("csrf")) || (origin != null && !origin.equals(publicOrigin))) {
            return html(HttpStatus.FORBIDDEN, pages.refused(language, Reason.CSRF), null);
        }
        String email = form.getOrDefault("email", "").trim();
        String csrf = Secrets.opaqueToken();
        Map<String, String> fields = fields(nonce, form.get("aud"), form.get("redirect"), csrf, email, language);
        String address = request.getRemoteAddr();
        try {
            UserCredentials user;
            if (form.containsKey("code")) {
                user = auth.checkSecondFactor(email, form.get("code"), address);
            } else {
                user = auth.checkPassword(email, form.get("password"), address);
                if (user.twoFactorEnabled()) {
                    return html(HttpStatus.OK, pages.code(language, fields, null), csrfCookie(csrf));
                }
            }
            ResponseCookie session = ResponseCookie.from(SESSION_COOKIE, sessions.open(user.id())).httpOnly(true).secure(secureCookies)
                    .sameSite("Lax").path(COOKIE_PATH).maxAge(moodle.sessionTtl()).build();
            return backToMoodle(user, nonce, language, session);
        } catch (LoginThrottle.ThrottledException e) {
            return retry(form, language, fields, csrf, HttpStatus.TOO_MANY_REQUESTS, Reason.THROTTLED);
        } catch (ApiException e) {
            return switch (e.code()) {
                case USER_NOT_ACTIVE -> html(HttpStatus.FORBIDDEN, pages.refused(language, statusReason(email)), null);
                case EMAIL_DELIVERY_FAILED -> retry(form, language, fields, csrf, HttpStatus.SERVICE_UNAVAILABLE, Reason.MAIL_FAILED);
                case INCORRECT_EMAIL_OR_PASSWORD -> retry(form, language, fields, csrf, HttpStatus.UNAUTHORIZED, Reason.BAD_CREDENTIALS);
                default -> retry(form, language, fields, csrf, HttpStatus.BAD_REQUEST, Reason.BAD_CODE);
            };
        }
    }

    /** Flow B for the web app: a ready-made Moodle callback URL carrying a fresh token. */
    @GetMapping("/sso-url")
    @PreAuthorize("isAuthenticated() and !principal.machine")
    ApiResponse<Map<String, String>> ssoUrl(@AuthenticationPrincipal CurrentUser me) {
        UserCredentials user = accounts.findById(me.id()).filter(UserCredentials::isActive)
                .orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_ACTIVE));
        if (moodle.refuses(user.email())) {
            throw new ApiException(ErrorCode.ACCESS_DENIED, "This address cannot sign in to Moodle through the platform");
        }
        return ApiResponse.ok("Moodle sign-in URL", Map.of("url", callbackWithToken(user, nonces.fetch())));
    }

    /** Flow B as a browser redirect; without a signed-in person it starts Moodle's own flow. */
    @GetMapping("/login")
    ResponseEntity<String> login(@AuthenticationPrincipal CurrentUser me,
            @CookieValue(name = SESSION_COOKIE, required = false) String session, HttpServletRequest request) {
        String userId = me != null && !me.machine() ? me.id() : sessions.userOf(session).orElse(null);
        if (userId == null) {
            return redirect(moodle.publicBase() + "/auth/jwtsso/start.php", null);
        }
        UserCredentials user = accounts.findById(userId).orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND));
        String language = language(null, request);
        if (!user.isActive() || moodle.refuses(user.email())) {
            return html(HttpStatus.FORBIDDEN, pages.refused(language, statusReason(user.email())), null);
        }
        return redirect(callbackWithToken(user, nonces.fetch()), null);
    }

    private ResponseEntity<String> backToMoodle(UserCredentials user, String nonce, String language, ResponseCookie session) {
        if (!user.isActive() || moodle.refuses(user.email())) {
            return html(HttpStatus.FORBIDDEN, pages.refused(language, statusReason(user.email())), null);
        }
        return redirect(callbackWithToken(user, nonce), session);
    }

    private String callbackWithToken(UserCredentials user, String nonce) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", user.email().trim().toLowerCase(Locale.ROOT));
        claims.put("given_name", user.firstName());
        claims.put("family_name", user.lastName());
        claims.put("nonce", nonce);
        String token = tokens.sign(issuer, user.id(), moodle.publicBase(), moodle.ssoTokenTtl(), claims).token();
        return moodle.callbackUrl() + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** Null when the request may go on; otherwise why it is refused. */
    private Reason invalid(String nonce, String aud, String redirect) {
        if (redirect == null || !redirect.equals(moodle.callbackUrl())) {
            return Reason.FORBIDDEN_REDIRECT;
        }
        if (nonce == null || !NONCE.matcher(nonce).matches() || aud == null || !stripSlash(aud).equals(moodle.publicBase())) {
            return Reason.INVALID_REQUEST;
        }
        return null;
    }

    private Reason statusReason(String email) {
        if (moodle.refuses(email)) {
            return Reason.RESERVED;
        }
        String status = accounts.findByEmail(email).map(UserCredentials::status).orElse("inactive");
        return switch (status) {
            case "blocked" -> Reason.BLOCKED;
            case "deleted" -> Reason.DELETED;
            default -> Reason.INACTIVE;
        };
    }

    private ResponseEntity<String> retry(Map<String, String> form, String language, Map<String, String> fields, String csrf,
            HttpStatus status, Reason reason) {
        String page = form.containsKey("code") ? pages.code(language, fields, reason) : pages.signIn(language, fields, reason);
        return html(status, page, csrfCookie(csrf));
    }

    private Map<String, String> fields(String nonce, String aud, String redirect, String csrf, String email, String language) {
        String other = "en".equals(language) ? "fr" : "en";
        return Map.of("action", issuer, "nonce", nonce, "aud", aud, "redirect", redirect, "csrf", csrf, "email", email,
                "switch_url", issuer + "?nonce=" + enc(nonce) + "&aud=" + enc(aud) + "&redirect=" + enc(redirect) + "&lang=" + other);
    }

    private ResponseCookie csrfCookie(String value) {
        return ResponseCookie.from(CSRF_COOKIE, value).httpOnly(true).secure(secureCookies).sameSite("Strict")
                .path(COOKIE_PATH).maxAge(Duration.ofMinutes(30)).build();
    }

    private static ResponseEntity<String> html(HttpStatus status, String body, ResponseCookie cookie) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        if (cookie != null) {
            builder.header(HttpHeaders.SET_COOKIE, cookie.toString());
        }
        return builder.body(body);
    }

    private static ResponseEntity<String> redirect(String location, ResponseCookie cookie) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(HttpStatus.FOUND).location(URI.create(location))
                .cacheControl(CacheControl.noStore());
        if (cookie != null) {
            builder.header(HttpHeaders.SET_COOKIE, cookie.toString());
        }
        return builder.build();
    }

    private static String language(String lang, HttpServletRequest request) {
        if ("en".equals(lang) || "fr".equals(lang)) {
            return lang;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "fr";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}

package org.lafaom.platform.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page a "set your password" link opens: a form for the new password, posted back here. The
 * code in the link is the only secret; it is checked (and throttled) like a reset code.
 */
@RestController
class PasswordSetupController {

    static final String PATH = "/api/v1/auth/set-password";

    private final AuthService auth;
    private final SsoPages pages;

    PasswordSetupController(AuthService auth, SsoPages pages) {
        this.auth = auth;
        this.pages = pages;
    }

    @GetMapping(PATH)
    ResponseEntity<String> form(@RequestParam(required = false) String email, @RequestParam(required = false) String code,
            @RequestParam(required = false) String lang) {
        return html(HttpStatus.OK, pages.setPassword(lang(lang), fields(email, code, lang), null));
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> submit(@RequestParam(required = false) String email, @RequestParam(required = false) String code,
            @RequestParam(required = false) String password, @RequestParam(name = "password_confirm", required = false) String confirm,
            @RequestParam(required = false) String lang, HttpServletRequest request) {
        String language = lang(lang);
        boolean en = "en".equals(language);
        if (email == null || code == null || password == null || !password.equals(confirm)) {
            return html(HttpStatus.BAD_REQUEST, pages.setPassword(language, fields(email, code, lang),
                    en ? "The two passwords are not the same." : "Les deux mots de passe ne sont pas identiques."));
        }
        try {
            auth.setPasswordWithCode(email, code, password, request.getRemoteAddr());
        } catch (ApiException e) {
            return html(e.code().status(), pages.setPassword(language, fields(email, code, lang), message(e.code(), en)));
        }
        return html(HttpStatus.OK, pages.passwordSet(language));
    }

    private static String message(ErrorCode code, boolean en) {
        return switch (code) {
            case WEAK_PASSWORD -> en ? "Choose a password of at least 8 characters." : "Choisissez un mot de passe d'au moins 8 caractères.";
            case TOO_MANY_REQUESTS -> en ? "Too many attempts. Try again in a few minutes." : "Trop d'essais. Réessayez dans quelques minutes.";
            case USER_NOT_ACTIVE -> en ? "This account is not active." : "Ce compte n'est pas actif.";
            default -> en ? "This link is no longer valid. Use \"Forgot password\" to get a new one."
                    : "Ce lien n'est plus valable. Utilisez « Mot de passe oublié » pour en recevoir un nouveau.";
        };
    }

    private static Map<String, String> fields(String email, String code, String lang) {
        return Map.of("email", email == null ? "" : email, "code", code == null ? "" : code, "action", PATH,
                "lang", lang(lang));
    }

    private static String lang(String lang) {
        return "en".equals(lang) ? "en" : "fr";
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
                .body(body);
    }
}

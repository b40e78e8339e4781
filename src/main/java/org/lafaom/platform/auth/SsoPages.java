package org.lafaom.platform.auth;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The small server-rendered pages of the Moodle sign-in, in French or English. */
@Component
class SsoPages {

    /** Why a sign-in stops, each with its French and English sentence. */
    enum Reason {
        BAD_CREDENTIALS("Adresse e-mail ou mot de passe incorrect.", "Incorrect e-mail address or password."),
        BAD_CODE("Ce code n'est pas valable. Vérifiez-le ou reconnectez-vous.", "This code is not valid. Check it or sign in again."),
        THROTTLED("Trop d'essais. Réessayez dans quelques minutes.", "Too many attempts. Try again in a few minutes."),
        INVALID_REQUEST("Cette demande de connexion n'est pas valable. Repartez de la plateforme de formation.",
                "This sign-in request is not valid. Start again from the training platform."),
        FORBIDDEN_REDIRECT("Cette demande veut vous renvoyer vers une adresse non autorisée ; elle a été refusée.",
                "This request wanted to send you to an address that is not allowed; it was refused."),
        CSRF("Le formulaire a expiré ou ne vient pas de cette page. Rechargez la page et recommencez.",
                "The form expired or did not come from this page. Reload the page and try again."),
        BLOCKED("Votre compte est bloqué. Contactez l'administration de LAFAOM-MAO.",
                "Your account is blocked. Contact LAFAOM-MAO's administration."),
        INACTIVE("Votre compte n'est pas encore actif. Contactez l'administration de LAFAOM-MAO.",
                "Your account is not active yet. Contact LAFAOM-MAO's administration."),
        DELETED("Ce compte a été supprimé.", "This account was deleted."),
        RESERVED("Cette adresse est réservée à un compte de Moodle ; elle ne peut pas s'y connecter par la plateforme.",
                "This address belongs to a Moodle-only account; it cannot sign in to Moodle through the platform."),
        MAIL_FAILED("Le code n'a pas pu être envoyé. Réessayez plus tard.", "The code could not be sent. Try again later.");

        private final String fr;
        private final String en;

        Reason(String fr, String en) {
            this.fr = fr;
            this.en = en;
        }

        String text(String lang) {
            return "en".equals(lang) ? en : fr;
        }
    }

    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    private final String css = read("templates/sso/layout.css");

    String signIn(String lang, Map<String, String> fields, Reason error) {
        return render(lang, "signin", fields, error);
    }

    String code(String lang, Map<String, String> fields, Reason error) {
        return render(lang, "code", fields, error);
    }

    String setPassword(String lang, Map<String, String> fields, String error) {
        Map<String, String> values = new HashMap<>(fields);
        if (error != null) {
            values.put("error", error);
        }
        return render(lang, "set_password", values, null);
    }

    String passwordSet(String lang) {
        return render(lang, "password_set", Map.of(), null);
    }

    String refused(String lang, Reason reason) {
        return render(lang, "refused", Map.of("reason", reason.text(lang)), null);
    }

    private String render(String lang, String page, Map<String, String> fields, Reason error) {
        String language = "en".equals(lang) ? "en" : "fr";
        Map<String, Object> values = new HashMap<>(fields);
        values.put("css", css);
        if (error != null) {
            values.put("error", error.text(language));
        }
        return templates.computeIfAbsent(language + "/" + page,
                name -> Mustache.compiler().escapeHTML(true).defaultValue("").compile(read("templates/sso/" + name + ".mustache")))
                .execute(values);
    }

    private static String read(String path) {
        try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[4096];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.lafaom.platform.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.lafaom.platform.shared.WebProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links that let a new account choose its password (instead of mailing a password in
 * clear, as the old backend did). The link carries a long code stored hashed with the reset codes:
 * it works once, expires after {@code lafaom.auth.password-setup-ttl}, and dies after too many
 * wrong tries. It opens a small page of this service ({@code /api/v1/auth/set-password}).
 */
@Service
public class PasswordSetupLinks {

    private final VerificationCodes codes;
    private final String page;

    PasswordSetupLinks(VerificationCodes codes, WebProperties web) {
        this.codes = codes;
        this.page = web.publicUrlWithoutSlash() + PasswordSetupController.PATH;
    }

    /** Issues a link for the account; call it inside the transaction that mails it. */
    @Transactional
    public String issue(String userId, String email, String lang) {
        String code = codes.issueLinkCode(userId, email);
        return page + "?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&code=" + code
                + "&lang=" + ("en".equals(lang) ? "en" : "fr");
    }
}

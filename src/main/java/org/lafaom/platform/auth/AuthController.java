package org.lafaom.platform.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Instant;
import org.lafaom.platform.auth.AuthViews.ChangeEmailInput;
import org.lafaom.platform.auth.AuthViews.CodeInput;
import org.lafaom.platform.auth.AuthViews.EmailOut;
import org.lafaom.platform.auth.AuthViews.ForgottenPasswordInput;
import org.lafaom.platform.auth.AuthViews.LoginInput;
import org.lafaom.platform.auth.AuthViews.LogoutInput;
import org.lafaom.platform.auth.AuthViews.RefreshTokenInput;
import org.lafaom.platform.auth.AuthViews.TwoFactorRequired;
import org.lafaom.platform.auth.AuthViews.UserTokenOut;
import org.lafaom.platform.auth.AuthViews.ValidateForgottenCodeInput;
import org.lafaom.platform.shared.ApiResponse;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.users.UserAccounts;
import org.lafaom.platform.users.UserViews.UserFullOut;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in, tokens and account recovery. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final AuthService auth;
    private final UserAccounts accounts;
    private final TokenService tokens;

    AuthController(AuthService auth, UserAccounts accounts, TokenService tokens) {
        this.auth = auth;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** Bare {@code UserTokenOut}, or a success envelope saying a 2FA code was e-mailed. */
    @PostMapping("/token")
    Object login(@Valid @RequestBody LoginInput input, HttpServletRequest request) {
        return switch (auth.login(input.email(), input.password(), request.getRemoteAddr())) {
            case AuthService.SignedIn s -> s.tokens();
            case AuthService.SecondFactorSent sent -> ApiResponse.ok(
                    "Code sent to your preferred notification channel successfully",
                    new TwoFactorRequired(true, sent.email()));
        };
    }

    @PostMapping("/two-factor-token")
    UserTokenOut twoFactor(@Valid @RequestBody CodeInput input, HttpServletRequest request) {
        return auth.secondFactor(input.email(), input.code(), request.getRemoteAddr());
    }

    @PostMapping("/refresh-token")
    UserTokenOut refresh(@Valid @RequestBody RefreshTokenInput input) {
        return auth.refresh(input.deviceId(), input.refreshToken());
    }

    /** Ends this session: its refresh-token family and this access token stop working. */
    @PostMapping("/logout")
    @PreAuthorize("isAuthenticated() and !principal.machine")
    ApiResponse<Void> logout(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody(required = false) LogoutInput input,
            HttpServletRequest request) {
        Instant expiresAt = tokens.verify(bearer(request)).map(TokenService.VerifiedToken::expiresAt).orElse(Instant.now());
        auth.logout(me, input == null ? null : input.deviceId(), input == null ? null : input.refreshToken(), expiresAt);
        return ApiResponse.ok("Logged out", null);
    }

    /** Ends every session of the account on every device. */
    @PostMapping("/logout-all")
    @PreAuthorize("isAuthenticated() and !principal.machine")
    ApiResponse<Void> logoutAll(@AuthenticationPrincipal CurrentUser me) {
        auth.logoutEverywhere(me);
        return ApiResponse.ok("Logged out everywhere", null);
    }

    @PostMapping("/password-forgotten")
    ApiResponse<EmailOut> passwordForgotten(@Valid @RequestBody ForgottenPasswordInput input) {
        auth.passwordForgotten(input.email());
        return ApiResponse.ok("Save successfully", new EmailOut(input.email()));
    }

    /** {@code validate-forgotten-code} is the path the admin app's reset page calls. */
    @PostMapping({"/validate-password-forgotten-code", "/validate-forgotten-code"})
    UserTokenOut resetPassword(@Valid @RequestBody ValidateForgottenCodeInput input, HttpServletRequest request) {
        return auth.resetPassword(input.email(), input.code(), input.password(), request.getRemoteAddr());
    }

    @PostMapping("/change-email")
    @PreAuthorize("isAuthenticated() and !principal.machine")
    ApiResponse<EmailOut> changeEmail(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody ChangeEmailInput input) {
        auth.requestEmailChange(me, input.email(), input.password());
        return ApiResponse.ok("Save successfully", new EmailOut(input.email()));
    }

    @PostMapping("/validate-change-email-code")
    @PreAuthorize("isAuthenticated() and !principal.machine")
    ApiResponse<UserFullOut> validateChangeEmail(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody CodeInput input) {
        auth.confirmEmailChange(me, input.email(), input.code());
        return ApiResponse.ok("email change successfully", accounts.fullUser(me.id()));
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header == null || header.length() < 7 ? "" : header.substring(7).trim();
    }
}

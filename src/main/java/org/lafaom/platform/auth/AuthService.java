package org.lafaom.platform.auth;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.lafaom.platform.auth.AuthViews.Token;
import org.lafaom.platform.auth.AuthViews.UserTokenOut;
import org.lafaom.platform.auth.VerificationCodes.Purpose;
import org.lafaom.platform.notifications.MailTemplate;
import org.lafaom.platform.notifications.Mailer;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.users.UserAccounts;
import org.lafaom.platform.users.UserCredentials;
import org.springframework.stereotype.Service;

/** Sign-in and the account-recovery flows of {@code /api/v1/auth}. */
@Service
class AuthService {

    private final UserAccounts accounts;
    private final TokenService tokens;
    private final RefreshTokens refreshTokens;
    private final VerificationCodes codes;
    private final LoginThrottle throttle;
    private final Mailer mailer;
    private final MeterRegistry meters;

    AuthService(UserAccounts accounts, TokenService tokens, RefreshTokens refreshTokens,
            VerificationCodes codes, LoginThrottle throttle, Mailer mailer,
            MeterRegistry meters) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.codes = codes;
        this.throttle = throttle;
        this.mailer = mailer;
        this.meters = meters;
    }

    /** The outcome of a password check: tokens, or a code was mailed for the second factor. */
    sealed interface LoginResult permits SignedIn, SecondFactorSent {}

    record SignedIn(UserTokenOut tokens) implements LoginResult {}

    record SecondFactorSent(String email) implements LoginResult {}

    LoginResult login(String email, String password, String clientAddress) {
        UserCredentials user = checkPassword(email, password, clientAddress);
        if (user.twoFactorEnabled()) {
            return new SecondFactorSent(user.email());
        }
        return new SignedIn(signIn(user.id()));
    }

    UserTokenOut secondFactor(String email, String code, String clientAddress) {
        return signIn(checkSecondFactor(email, code, clientAddress).id());
    }

    /**
     * Checks a password with throttling; the account must be active. If it uses 2FA, a code is
     * e-mailed and the caller must then call {@link #checkSecondFactor}.
     */
    UserCredentials checkPassword(String email, String password, String clientAddress) {
        String accountKey = LoginThrottle.accountKey(email);
        String addressKey = LoginThrottle.addressKey(clientAddress);
        try {
            throttle.check(accountKey, addressKey);
        } catch (LoginThrottle.ThrottledException e) {
            count("throttled");
            throw e;
        }
        Optional<UserCredentials> user = accounts.authenticate(email, password == null ? "" : password);
        if (user.isEmpty()) {
            throttle.recordFailure(accountKey, addressKey);
            count("failure");
            throw new ApiException(ErrorCode.INCORRECT_EMAIL_OR_PASSWORD);
        }
        throttle.reset(accountKey);
        requireActive(user.get());
        if (user.get().twoFactorEnabled()) {
            sendCode(Purpose.TWO_FACTOR, MailTemplate.TWO_FACTOR_CODE, user.get());
            count("second_factor");
        } else {
            count("success");
        }
        return user.get();
    }

    /** Consumes an e-mailed 2FA code (wrong codes count as failed sign-ins) and returns its active account. */
    UserCredentials checkSecondFactor(String email, String code, String clientAddress) {
        String accountKey = LoginThrottle.accountKey(email);
        throttle.check(accountKey, LoginThrottle.addressKey(clientAddress));
        String userId = consumeOrCountFailure(Purpose.TWO_FACTOR, email, code, accountKey, clientAddress);
        UserCredentials user = accounts.findById(userId).orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND));
        requireActive(user);
        count("success");
        return user;
    }

    UserTokenOut refresh(String deviceId, String refreshToken) {
        RefreshTokens.RotationResult rotated = refreshTokens.rotate(deviceId, refreshToken);
        UserCredentials user = accounts.findById(rotated.userId()).orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND));
        requireActive(user);
        TokenService.IssuedToken access = tokens.accessToken(user.id());
        return new UserTokenOut(token(access, rotated.issued()), accounts.fullUser(user.id()));
    }

    void logout(CurrentUser me, String deviceId, String refreshToken, java.time.Instant accessExpiresAt) {
        if (deviceId != null && refreshToken != null) {
            refreshTokens.revoke(deviceId, refreshToken, me.id());
        }
        accounts.revokeToken(me.id(), me.tokenId(), accessExpiresAt);
    }

    void logoutEverywhere(CurrentUser me) {
        accounts.revokeAllSessions(me.id());
    }

    /** Always answers the same way, so the route does not reveal which addresses have accounts. */
    void passwordForgotten(String email) {
        accounts.findByEmail(email).filter(UserCredentials::isActive)
                .ifPresent(user -> sendCode(Purpose.FORGOTTEN_PASSWORD, MailTemplate.FORGOTTEN_PASSWORD, user));
    }

    UserTokenOut resetPassword(String email, String code, String newPassword, String clientAddress) {
        return signIn(setPasswordWithCode(email, code, newPassword, clientAddress));
    }

    /** Consumes a reset code (or a set-password link's code) and sets the password; returns the user id. */
    String setPasswordWithCode(String email, String code, String newPassword, String clientAddress) {
        String accountKey = LoginThrottle.accountKey(email);
        throttle.check(accountKey, LoginThrottle.addressKey(clientAddress));
        String userId = consumeOrCountFailure(Purpose.FORGOTTEN_PASSWORD, email, code, accountKey, clientAddress);
        UserCredentials user = accounts.findById(userId).orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND));
        requireActive(user);
        accounts.setPassword(userId, newPassword, true);
        throttle.reset(accountKey);
        return userId;
    }

    void requestEmailChange(CurrentUser me, String newEmail, String password) {
        if (!accounts.passwordMatches(me.id(), password == null ? "" : password)) {
            throw new ApiException(ErrorCode.PASSWORD_NOT_CORRECT);
        }
        if (accounts.emailTaken(newEmail, me.id())) {
            throw new ApiException(ErrorCode.EMAIL_ALREADY_TAKEN);
        }
        UserCredentials user = accounts.findById(me.id()).orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND));
        String code = codes.issue(Purpose.CHANGE_EMAIL, me.id(), newEmail);
        mailer.send(newEmail, MailTemplate.CHANGE_EMAIL, user.lang(),
                Map.of("code", code, "minutes", codes.minutesValid(), "first_name", user.firstName()));
    }

    void confirmEmailChange(CurrentUser me, String newEmail, String code) {
        codes.consume(Purpose.CHANGE_EMAIL, newEmail, code, me.id());
        accounts.changeEmail(me.id(), newEmail);
    }

    private String consumeOrCountFailure(Purpose purpose, String email, String code, String accountKey, String address) {
        try {
            return codes.consume(purpose, email, code, null);
        } catch (ApiException e) {
            throttle.recordFailure(accountKey, LoginThrottle.addressKey(address));
            throw e;
        }
    }

    private UserTokenOut signIn(String userId) {
        TokenService.IssuedToken access = tokens.accessToken(userId);
        RefreshTokens.Issued refresh = refreshTokens.issue(userId);
        accounts.recordLogin(userId);
        return new UserTokenOut(token(access, refresh), accounts.fullUser(userId));
    }

    private static Token token(TokenService.IssuedToken access, RefreshTokens.Issued refresh) {
        return new Token(access.token(), "bearer", refresh.token(), refresh.deviceId(), access.expiresInSeconds());
    }

    private void sendCode(Purpose purpose, MailTemplate template, UserCredentials user) {
        String code = codes.issue(purpose, user.id(), user.email());
        mailer.send(user.email(), template, user.lang(),
                Map.of("code", code, "minutes", codes.minutesValid(), "first_name", user.firstName()));
    }

    private static void requireActive(UserCredentials user) {
        if (!user.isActive()) {
            throw new ApiException(ErrorCode.USER_NOT_ACTIVE);
        }
    }

    private void count(String outcome) {
        meters.counter("lafaom.auth.logins", "outcome", outcome).increment();
    }
}

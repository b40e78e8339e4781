package org.lafaom.platform.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lafaom.platform.users.UserViews.UserFullOut;

/** Request and response shapes of {@code /api/v1/auth}. */
final class AuthViews {

    private AuthViews() {}

    record LoginInput(@NotBlank @Email @Size(max = 254) String email, @Size(max = 128) String password) {}

    record CodeInput(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 16) String code) {}

    record RefreshTokenInput(@NotBlank @Size(max = 512) String refreshToken, @Size(max = 64) String deviceId) {}

    record LogoutInput(@Size(max = 512) String refreshToken, @Size(max = 64) String deviceId) {}

    record ForgottenPasswordInput(@NotBlank @Email @Size(max = 254) String email) {}

    record ValidateForgottenCodeInput(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 16) String code,
            @NotNull @Size(min = 8, max = 128, message = "must have between 8 and 128 characters") String password) {}

    record ChangeEmailInput(@NotBlank @Email @Size(max = 254) String email, @Size(max = 128) String password) {}

    /** {@code Token} of the contract: {@code device_id} is the refresh token's id. */
    record Token(String token, String tokenType, String refreshToken, String deviceId, long expiresIn) {}

    /** {@code UserTokenOut}: answered bare, not in an envelope (the admin app checks {@code access_token}). */
    record UserTokenOut(Token accessToken, UserFullOut user) {}

    record TwoFactorRequired(boolean twoFactorEnabled, String email) {}

    record EmailOut(String email) {}

    record ClientTokenInput(String grantType, String clientId, String clientSecret, String audience, String scope) {}

    record ClientTokenOut(String accessToken, String tokenType, long expiresIn, String scope) {}
}

package org.lafaom.platform.auth;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.lafaom.platform.auth.AuthViews.ClientTokenInput;
import org.lafaom.platform.auth.AuthViews.ClientTokenOut;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OAuth 2.0 client-credentials grant for machine clients, configured by the operator
 * ({@code lafaom.auth.oauth-clients}). The old backend issued a token to anyone who asked.
 */
@RestController
@RequestMapping("/api/v1/auth/oauth")
class OAuthClientController {

    private final AuthProperties properties;
    private final TokenService tokens;

    OAuthClientController(AuthProperties properties, TokenService tokens) {
        this.properties = properties;
        this.tokens = tokens;
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    ClientTokenOut tokenFromJson(@RequestBody ClientTokenInput input) {
        return issue(input);
    }

    /** RFC 6749 clients post a form. */
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ClientTokenOut tokenFromForm(@RequestParam Map<String, String> form) {
        return issue(new ClientTokenInput(form.get("grant_type"), form.get("client_id"), form.get("client_secret"),
                form.get("audience"), form.get("scope")));
    }

    private ClientTokenOut issue(ClientTokenInput input) {
        if (!"client_credentials".equals(input.grantType())) {
            throw new ApiException(ErrorCode.UNSUPPORTED_GRANT_TYPE);
        }
        AuthProperties.OAuthClient client = properties.oauthClients().stream()
                .filter(c -> c.clientId() != null && c.clientId().equals(input.clientId()))
                .findFirst()
                .orElse(null);
        // Compare even for unknown clients, so the answer time does not reveal which ids exist.
        String expected = client == null ? "unknown-client-secret-placeholder" : client.clientSecret();
        boolean secretOk = Secrets.constantTimeEquals(Secrets.sha256(String.valueOf(input.clientSecret())), Secrets.sha256(String.valueOf(expected)));
        if (client == null || !secretOk || client.clientSecret() == null || client.clientSecret().isBlank()) {
            throw new ApiException(ErrorCode.INVALID_CLIENT);
        }
        List<String> scopes = input.scope() == null || input.scope().isBlank() ? List.of() : Arrays.asList(input.scope().trim().split("\\s+"));
        List<String> allowedScopes = client.scopes() == null ? List.of() : client.scopes();
        List<String> audiences = client.audiences() == null ? List.of() : client.audiences();
        String audience = input.audience() == null || input.audience().isBlank() ? properties.audience() : input.audience();
        boolean audienceOk = audience.equals(properties.audience()) || audiences.contains(audience);
        if (!allowedScopes.containsAll(scopes) || !audienceOk) {
            throw new ApiException(ErrorCode.INVALID_SCOPE);
        }
        TokenService.IssuedToken token = tokens.machineToken(client.clientId(), audience, scopes);
        return new ClientTokenOut(token.token(), "Bearer", token.expiresInSeconds(), String.join(" ", scopes));
    }
}

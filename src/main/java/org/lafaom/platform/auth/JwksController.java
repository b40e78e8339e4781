package org.lafaom.platform.auth;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public keys for anyone verifying our tokens (Moodle's auth_jwtsso among them). */
@RestController
class JwksController {

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    /** Cacheable for five minutes: new keys are published hours before they sign. */
    @GetMapping("/api/v1/auth/jwks.json")
    ResponseEntity<Map<String, Object>> jwks() {
        // publicKeysOnly=true: private parameters are never written, even if a key carried them.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.publicJwks().toJSONObject(true));
    }
}

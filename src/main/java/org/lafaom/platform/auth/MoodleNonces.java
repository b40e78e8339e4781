package org.lafaom.platform.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Asks Moodle's {@code start.php} for a nonce the way a browser would, without following its
 * redirect: the nonce is in the {@code Location} header (IdP-initiated flow of auth_jwtsso).
 */
@Component
class MoodleNonces {

    private static final Pattern NONCE = Pattern.compile("[?&]nonce=([A-Za-z0-9_-]{8,128})(?:&|$)");

    private final MoodleSsoProperties properties;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    MoodleNonces(MoodleSsoProperties properties) {
        this.properties = properties;
    }

    String fetch() {
        try {
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(URI.create(properties.internalBase() + "/auth/jwtsso/start.php"))
                            .timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            Optional<String> location = response.headers().firstValue("Location");
            Matcher m = NONCE.matcher(location.orElse(""));
            if (response.statusCode() / 100 != 3 || !m.find()) {
                throw new ApiException(ErrorCode.MOODLE_UNAVAILABLE, "Moodle did not answer with a sign-in nonce");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new ApiException(ErrorCode.MOODLE_UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.MOODLE_UNAVAILABLE);
        }
    }
}

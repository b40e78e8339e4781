package org.lafaom.platform.shared;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Edge settings: the public URL of this service (token issuer, links in e-mails), the browser
 * origins allowed by CORS, and the largest JSON body accepted.
 */
@ConfigurationProperties("lafaom.web")
public record WebProperties(
        @DefaultValue("http://localhost:8000") String publicUrl,
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue("256KB") DataSize maxJsonBody) {

    public String publicUrlWithoutSlash() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}

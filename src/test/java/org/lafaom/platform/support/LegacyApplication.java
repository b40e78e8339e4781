package org.lafaom.platform.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lafaom.platform.Application;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole service started on a database prepared by the test (e.g. the old backend's), on a free port. */
public final class LegacyApplication {

    private LegacyApplication() {}

    public record Running(ConfigurableApplicationContext context, Http http) {}

    public static Running start(TestDatabase.Database database, Map<String, String> extraSettings) {
        Map<String, String> settings = new LinkedHashMap<>(Map.of(
                "server.port", "0",
                "spring.datasource.url", database.url(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", "",
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(TestMail.port()),
                "lafaom.auth.key-encryption-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "lafaom.web.public-url", "http://api.lafaom.test"));
        settings.putAll(extraSettings);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        return new Running(app, new Http(((WebServerApplicationContext) app).getWebServer().getPort()));
    }
}

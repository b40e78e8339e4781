package org.lafaom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class OperabilityIntegrationTests extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void whenProbesAreAskedThenLivenessAndReadinessAreUp() {
        assertThat(http.get("/actuator/health/liveness").text("/status")).isEqualTo("UP");
        assertThat(http.get("/actuator/health/readiness").text("/status")).isEqualTo("UP");
        assertThat(http.get("/actuator/health").text("/status")).isEqualTo("UP");
    }

    @Test
    void whenPrometheusScrapesThenHttpJvmPoolAndLoginMetricsAreThere() {
        login(ADMIN_EMAIL, ADMIN_PASSWORD);
        Http.Response r = http.get("/actuator/prometheus");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
                "jvm_memory_used_bytes", "hikaricp_connections_active", "process_cpu_usage", "lafaom_auth_logins_total");
    }

    @Test
    void whenOpenApiIsFetchedThenEveryRouteOfTheServiceIsListed() {
        Http.Response r = http.get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);

        Set<String> missing = new HashSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPathPatternsCondition().getPatternValues().forEach(path -> {
            if (path.startsWith("/api/") && !r.json().at("/paths").has(path)) {
                missing.add(path);
            }
        }));
        assertThat(missing).isEmpty();
        assertThat(r.json().at("/paths").has("/api/v1/auth/token")).isTrue();
        assertThat(r.json().at("/paths").has("/api/v1/users/{userId}")).isTrue();
    }
}

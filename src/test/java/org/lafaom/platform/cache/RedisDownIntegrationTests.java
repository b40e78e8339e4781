package org.lafaom.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.Ports;
import org.lafaom.platform.support.IntegrationTest;
import org.lafaom.platform.support.TrainingFixtures;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redis points at a closed port: the catalogue, the public application (rate-limited in memory)
 * and staff writes all still answer, from PostgreSQL.
 */
class RedisDownIntegrationTests extends IntegrationTest {

    private static final int CLOSED_PORT = Ports.free();

    @DynamicPropertySource
    static void redisNowhere(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", () -> CLOSED_PORT);
        registry.add("lafaom.cache.retry-after", () -> "1s");
    }

    @Test
    void whenRedisIsDownThenEveryCatalogueAndApplicationRequestStillSucceeds() {
        TrainingFixtures fx = new TrainingFixtures(http, adminToken());
        int specialty = fx.specialty();
        String training = fx.training("Sans Redis", specialty);
        String session = fx.session(training, Map.of());
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/v1/trainings?specialty_id=" + specialty).at("/total_number").asLong()).isEqualTo(1);
            assertThat(http.get("/api/v1/trainings/" + training).status()).isEqualTo(200);
            assertThat(http.get("/api/v1/training-sessions/" + session).status()).isEqualTo(200);
            assertThat(http.get("/api/v1/trainings/" + training + "/sessions").at("/total_number").asLong()).isEqualTo(1);
            assertThat(http.get("/api/v1/specialties/" + specialty).status()).isEqualTo(200);
            assertThat(http.get("/api/v1/specialties/active/all").status()).isEqualTo(200);
        }
        assertThat(http.put("/api/v1/trainings/" + training, Map.of("title", "Toujours sans Redis"), fx.admin()).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/trainings/" + training).text("/data/title")).isEqualTo("Toujours sans Redis");

        Http.Response applied = fx.apply(uniqueEmail("noredis"), session);
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);

        String address = newAddress();
        int last = 0;
        for (int i = 0; i < 11; i++) {
            last = http.post("/api/v1/student-applications", Map.of("email", uniqueEmail("burst"), "target_session_id", session),
                    Http.Options.from(address)).status();
        }
        assertThat(last).as("limits still apply, counted in memory").isEqualTo(429);
        assertThat(http.get("/actuator/health").text("/status")).isEqualTo("UP");
    }

}

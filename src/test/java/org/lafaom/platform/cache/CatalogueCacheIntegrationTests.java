package org.lafaom.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.IntegrationTest;
import org.lafaom.platform.support.TrainingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The public catalogue is served from Redis (127.0.0.1:6379) and every write through the API evicts it. */
class CatalogueCacheIntegrationTests extends IntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    @Value("${lafaom.cache.key-prefix}")
    String prefix;

    @Test
    void whenTheCatalogueIsReadTwiceThenTheSecondReadComesFromRedisUntilAWriteEvictsIt() {
        TrainingFixtures fx = new TrainingFixtures(http, adminToken());
        String training = fx.training();
        Http.Response first = http.get("/api/v1/trainings/" + training);
        assertThat(first.status()).isEqualTo(200);
        assertThat(redis.opsForHash().hasKey(prefix + "cache:catalogue", "training|" + training)).isTrue();

        // A change behind the service's back is not seen while the entry lives: the read came from Redis.
        jdbc.sql("UPDATE trainings SET title = 'Changed in SQL' WHERE id = :id").param("id", training).update();
        assertThat(http.get("/api/v1/trainings/" + training).text("/data/title")).isEqualTo(first.text("/data/title"));

        Http.Response updated = http.put("/api/v1/trainings/" + training, Map.of("title", "Changed through the API"), fx.admin());
        assertThat(updated.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/trainings/" + training).text("/data/title")).isEqualTo("Changed through the API");
        assertThat(redis.getExpire(prefix + "cache:catalogue")).as("the group expires on its own too").isPositive();
    }

    @Test
    void whenAnApprovalTakesASlotThenTheCachedSessionShowsIt() {
        TrainingFixtures fx = new TrainingFixtures(http, adminToken());
        String session = fx.session(fx.training(), Map.of("available_slots", 5));
        assertThat(http.get("/api/v1/training-sessions/" + session).at("/data/available_slots").asInt()).isEqualTo(5);
        String email = uniqueEmail("cached");
        createUser(email, "Cached-Pass-1", "student");
        int id = fx.apply(email, session).at("/data/id").asInt();
        http.post("/api/v1/my-student-applications/" + id + "/submit", Map.of(), Http.Options.bearer(login(email, "Cached-Pass-1")));
        http.post("/api/v1/student-applications/" + id + "/status", Map.of("status", "APPROVED", "reason", ""), fx.admin());
        assertThat(http.get("/api/v1/training-sessions/" + session).at("/data/available_slots").asInt()).isEqualTo(4);
    }
}

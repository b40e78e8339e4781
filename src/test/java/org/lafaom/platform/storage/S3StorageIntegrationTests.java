package org.lafaom.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Eventually;
import org.lafaom.platform.support.FakeS3;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.IntegrationTest;
import org.lafaom.platform.support.TrainingFixtures;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service with {@code LAFAOM_STORAGE=s3}, against a server speaking the S3 REST protocol
 * (path-style, SigV4 signatures checked): students' documents and profile pictures go to the bucket
 * under the prefix, are served from it, and are removed from it; its failures answer in the envelope.
 */
class S3StorageIntegrationTests extends IntegrationTest {

    private static final String BUCKET = "lafaom-uploads";
    private static final String PREFIX = "site-test/";
    private static final FakeS3 S3 = FakeS3.start(BUCKET);
    private static final Path SECRET_FILE = secretFile();
    private static final Path LOCAL_UPLOADS = Path.of(System.getProperty("java.io.tmpdir"), "lafaom-test-uploads");
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("lafaom.uploads.backend", () -> "s3");
        registry.add("lafaom.uploads.s3.bucket", () -> BUCKET);
        registry.add("lafaom.uploads.s3.endpoint", S3::endpoint);
        registry.add("lafaom.uploads.s3.region", () -> FakeS3.REGION);
        registry.add("lafaom.uploads.s3.path-style", () -> "true");
        registry.add("lafaom.uploads.s3.access-key", () -> FakeS3.ACCESS_KEY);
        // The secret as a Docker secret file, the way production passes it.
        registry.add("lafaom.uploads.s3.secret-key-file", () -> SECRET_FILE.toString());
        registry.add("lafaom.uploads.s3.prefix", () -> "site-test");
        registry.add("lafaom.uploads.s3.timeout", () -> "5s");
    }

    TrainingFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new TrainingFixtures(http, adminToken());
    }

    @AfterEach
    void serverBack() {
        S3.down(false);
    }

    @Test
    void whenAStudentUploadsADocumentThenItLivesInTheBucketIsServedFromItAndIsRemovedFromIt() {
        Student owner = student();
        int application = fx.apply(owner.email, fx.openSession()).at("/data/id").asInt();

        Http.Response uploaded = fx.upload(owner.token, application, "CV", TrainingFixtures.PDF);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        int attachment = uploaded.at("/data/id").asInt();
        String key = filePath(attachment);
        assertThat(key).matches("student-applications/[a-f0-9-]{36}\\.pdf");
        assertThat(S3.objects().get(PREFIX + key).content()).isEqualTo(TrainingFixtures.PDF);
        assertThat(S3.objects().get(PREFIX + key).contentType()).isEqualTo("application/pdf");
        assertThat(LOCAL_UPLOADS.resolve(key)).doesNotExist();

        String file = "/api/v1/student-attachments/" + attachment + "/file";
        Http.Response download = http.get(file, owner.auth());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.raw().body()).isEqualTo(TrainingFixtures.PDF);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("Content-Length")).isEqualTo(String.valueOf(TrainingFixtures.PDF.length));
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(download.header("Cache-Control")).contains("no-store");
        assertThat(http.get(file, fx.admin()).raw().body()).isEqualTo(TrainingFixtures.PDF);

        Http.Response replaced = fx.upload(owner.token, application, "CV", TrainingFixtures.PDF);
        assertThat(replaced.status()).isEqualTo(200);
        Eventually.await("replaced document removed from the bucket", () -> !S3.objects().containsKey(PREFIX + key));
        String second = filePath(replaced.at("/data/id").asInt());
        assertThat(http.delete("/api/v1/my-student-attachments/" + replaced.at("/data/id").asInt(), owner.auth()).status()).isEqualTo(200);
        Eventually.await("deleted document removed from the bucket", () -> !S3.objects().containsKey(PREFIX + second));
    }

    @Test
    void whenAProfilePictureIsUploadedThenItIsServedPubliclyFromTheBucket() {
        String email = uniqueEmail("pic");
        createUser(email, "Picture-Pass-1", "student");
        String token = login(email, "Picture-Pass-1");

        Http.Response r = http.upload("/api/v1/auth/upload-profile-image", "image", "me.png", "image/png", PNG, Http.Options.bearer(token));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String picture = r.text("/data/picture").substring(PUBLIC_URL.length());
        String name = picture.substring(picture.lastIndexOf('/') + 1);
        assertThat(S3.objects()).containsKey(PREFIX + "profile/" + name);

        Http.Response served = http.get(picture);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        assertThat(served.header("Content-Length")).isEqualTo(String.valueOf(PNG.length));
        assertThat(served.raw().body()).isEqualTo(PNG);

        assertThat(http.delete("/api/v1/auth/profile-image", Http.Options.bearer(token)).status()).isEqualTo(200);
        assertThat(S3.objects()).doesNotContainKey(PREFIX + "profile/" + name);
        assertRefused(http.get(picture), 404, "not_found");
    }

    @Test
    void whenTheObjectIsNoLongerInTheBucketThenTheDownloadIsNotFoundInTheEnvelope() {
        Student owner = student();
        int application = fx.apply(owner.email, fx.openSession()).at("/data/id").asInt();
        int attachment = fx.upload(owner.token, application, "CV", TrainingFixtures.PDF).at("/data/id").asInt();
        S3.objects().remove(PREFIX + filePath(attachment));

        assertRefused(http.get("/api/v1/student-attachments/" + attachment + "/file", owner.auth()), 404, "student_attachment_not_found");
    }

    @Test
    void whenAStoredPathIsNotOneOfOurKeysThenNoObjectIsAskedForAndTheDownloadIsNotFound() {
        Student owner = student();
        int application = fx.apply(owner.email, fx.openSession()).at("/data/id").asInt();
        int attachment = fx.upload(owner.token, application, "CV", TrainingFixtures.PDF).at("/data/id").asInt();
        for (String path : new String[] {"student-applications/../../other-site/secret.pdf", "other-site/secret.pdf", "/secret.pdf"}) {
            jdbc.sql("UPDATE student_attachments SET file_path = :p WHERE id = :id").param("p", path).param("id", attachment).update();

            assertRefused(http.get("/api/v1/student-attachments/" + attachment + "/file", owner.auth()), 404, "student_attachment_not_found");
        }
        assertThat(S3.requests()).noneMatch(r -> r.contains("secret"));
    }

    @Test
    void whenTheBucketIsDownThenUploadsAnswer503WithNothingRecordedAndTheServiceIsNotReady() {
        Student owner = student();
        int application = fx.apply(owner.email, fx.openSession()).at("/data/id").asInt();
        assertThat(http.get("/actuator/health/readiness").text("/status")).isEqualTo("UP");

        S3.down(true);
        Http.Response refused = fx.upload(owner.token, application, "CV", TrainingFixtures.PDF);
        assertRefused(refused, 503, "service_unavailable");
        assertThat(refused.text("/message")).isEqualTo("The file storage cannot be reached, try again later");
        assertThat(jdbc.sql("SELECT count(*) FROM student_attachments WHERE application_id = :id").param("id", application)
                .query(Long.class).single()).isZero();
        Http.Response readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.text("/status")).isEqualTo("DOWN");
        assertThat(http.get("/actuator/health/liveness").text("/status")).isEqualTo("UP");

        S3.down(false);
        assertThat(http.get("/actuator/health/readiness").text("/status")).isEqualTo("UP");
        assertThat(fx.upload(owner.token, application, "CV", TrainingFixtures.PDF).status()).isEqualTo(200);
    }

    private String filePath(int attachment) {
        return jdbc.sql("SELECT file_path FROM student_attachments WHERE id = :id").param("id", attachment).query(String.class).single();
    }

    record Student(String id, String email, String token) {
        Http.Options auth() {
            return Http.Options.bearer(token);
        }
    }

    private Student student() {
        String email = uniqueEmail("student");
        String id = createUser(email, "Student-Pass-1", "student");
        return new Student(id, email, login(email, "Student-Pass-1"));
    }

    private static void assertRefused(Http.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.text("/success")).isEqualTo("false");
        assertThat(r.text("/error_code")).isEqualTo(code);
    }

    private static Path secretFile() {
        try {
            Path file = Files.createTempFile("lafaom-s3-secret", ".txt");
            Files.writeString(file, FakeS3.SECRET_KEY + "\n");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

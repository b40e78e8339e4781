package org.lafaom.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.support.FakeS3;
import org.springframework.core.io.ByteArrayResource;

/** The S3 backend against a server speaking the S3 REST protocol (signatures checked), and its settings' failures. */
class S3ObjectStoreTests {

    private static final FakeS3 SERVER = FakeS3.start("uploads");
    private static final byte[] PDF = "%PDF-1.4\nhello\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String KEY = "student-applications/0a1b2c3d-0000-4000-8000-00000000000a.pdf";

    @TempDir
    Path dir;

    @AfterEach
    void up() {
        SERVER.down(false);
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @Test
    void whenAnObjectIsPutThenItIsReadBackWholeUnderThePrefixAndDeleted() throws IOException {
        try (S3ObjectStore store = S3ObjectStore.create(settings(SERVER.endpoint(), "uploads", "site-a"))) {
            store.put(KEY, new ByteArrayResource(PDF), PDF.length, "application/pdf");

            assertThat(SERVER.objects().get("site-a/" + KEY).content()).isEqualTo(PDF);
            assertThat(SERVER.objects().get("site-a/" + KEY).contentType()).isEqualTo("application/pdf");
            StoredObject object = store.open(KEY, "application/pdf").orElseThrow();
            assertThat(object.size()).isEqualTo(PDF.length);
            assertThat(object.mediaType()).isEqualTo("application/pdf");
            assertThat(object.content().contentLength()).isEqualTo(PDF.length);
            try (InputStream in = object.content().getInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(PDF);
            }
            store.checkReachable();

            store.delete(KEY);
            assertThat(SERVER.objects()).doesNotContainKey("site-a/" + KEY);
            assertThat(store.open(KEY, "application/pdf")).isEmpty();
        }
    }

    @Test
    void whenTheObjectIsMissingThenOpenIsEmptyAndAReadOfAVanishedObjectFailsAsNotFound() throws IOException {
        try (S3ObjectStore store = S3ObjectStore.create(settings(SERVER.endpoint(), "uploads", ""))) {
            assertThat(store.open("blog/0a1b2c3d-0000-4000-8000-00000000000b.png", "image/png")).isEmpty();

            store.put(KEY, new ByteArrayResource(PDF), PDF.length, "application/pdf");
            StoredObject object = store.open(KEY, "application/pdf").orElseThrow();
            SERVER.objects().remove(KEY);
            assertThatThrownBy(() -> object.content().getInputStream()).isInstanceOf(java.io.FileNotFoundException.class);
        }
    }

    @Test
    void whenTheServerIsDownThenEveryUseIsServiceUnavailable() {
        try (S3ObjectStore store = S3ObjectStore.create(settings(SERVER.endpoint(), "uploads", ""))) {
            SERVER.down(true);
            assertUnavailable(() -> store.put(KEY, new ByteArrayResource(PDF), PDF.length, "application/pdf"));
            assertUnavailable(() -> store.open(KEY, "application/pdf"));
            assertUnavailable(() -> store.delete(KEY));
            assertThatThrownBy(store::checkReachable).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void whenNothingListensThenUploadsAreServiceUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (S3ObjectStore store = S3ObjectStore.create(settings("http://127.0.0.1:" + port, "uploads", ""))) {
            assertUnavailable(() -> store.put(KEY, new ByteArrayResource(PDF), PDF.length, "application/pdf"));
        }
    }

    @Test
    void whenTheSecretIsWrongOrTheBucketUnknownThenTheServerRefusesAndTheStoreSaysUnavailable() {
        StorageProperties.S3 wrong = new StorageProperties.S3("uploads", FakeS3.REGION, SERVER.endpoint(), true, FakeS3.ACCESS_KEY, null,
                "not-the-secret", null, "", Duration.ofSeconds(5));
        try (S3ObjectStore store = S3ObjectStore.create(wrong)) {
            assertUnavailable(() -> store.put(KEY, new ByteArrayResource(PDF), PDF.length, "application/pdf"));
            assertThatThrownBy(store::checkReachable).isInstanceOf(RuntimeException.class);
        }
        try (S3ObjectStore store = S3ObjectStore.create(settings(SERVER.endpoint(), "other-bucket", ""))) {
            assertThatThrownBy(store::checkReachable).isInstanceOf(RuntimeException.class);
        }
        assertThat(SERVER.objects()).doesNotContainKey(KEY);
    }

    @Test
    void whenTheKeysComeFromFilesThenTheyAreReadFromThere() throws IOException {
        Path access = Files.writeString(dir.resolve("access"), FakeS3.ACCESS_KEY + "\n");
        Path secret = Files.writeString(dir.resolve("secret"), FakeS3.SECRET_KEY + "\n");
        StorageProperties.S3 fromFiles = new StorageProperties.S3("uploads", FakeS3.REGION, SERVER.endpoint(), true, null, access,
                "", secret, "", Duration.ofSeconds(5));
        try (S3ObjectStore store = S3ObjectStore.create(fromFiles)) {
            store.checkReachable();
        }
    }

    @Test
    void whenTheSettingsCannotWorkThenStartUpFailsNamingWhatToSet() throws IOException {
        assertMisconfigured(new StorageProperties.S3(" ", "us-east-1", null, false, "a", null, "b", null, null, null), "LAFAOM_S3_BUCKET");
        assertMisconfigured(new StorageProperties.S3("Bad_Bucket", "us-east-1", null, false, "a", null, "b", null, null, null),
                "not a valid S3 bucket name");
        assertMisconfigured(new StorageProperties.S3("uploads", "us-east-1", null, false, null, null, "b", null, null, null),
                "set LAFAOM_S3_ACCESS_KEY or LAFAOM_S3_ACCESS_KEY_FILE");
        assertMisconfigured(new StorageProperties.S3("uploads", "us-east-1", null, false, "a", null, "", null, null, null),
                "set LAFAOM_S3_SECRET_KEY or LAFAOM_S3_SECRET_KEY_FILE");
        assertMisconfigured(new StorageProperties.S3("uploads", "us-east-1", null, false, "a", dir.resolve("a"), "b", null, null, null),
                "not both");
        assertMisconfigured(new StorageProperties.S3("uploads", "us-east-1", null, false, "a", null, null, dir.resolve("missing"), null,
                null), "cannot be read");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertMisconfigured(new StorageProperties.S3("uploads", "us-east-1", null, false, "a", null, null, empty, null, null), "is empty");
        assertMisconfigured(new StorageProperties.S3("uploads", "us-east-1", "s3.example.com", false, "a", null, "b", null, null, null),
                "LAFAOM_S3_ENDPOINT");
        assertMisconfigured(new StorageProperties.S3("uploads", "us-east-1", null, false, "a", null, "b", null, "../other", null),
                "LAFAOM_S3_PREFIX");
        assertMisconfigured(new StorageProperties.S3("uploads", "", null, false, "a", null, "b", null, null, null), "LAFAOM_S3_REGION");
    }

    private static StorageProperties.S3 settings(String endpoint, String bucket, String prefix) {
        return new StorageProperties.S3(bucket, FakeS3.REGION, endpoint, true, FakeS3.ACCESS_KEY, null, FakeS3.SECRET_KEY, null, prefix,
                Duration.ofSeconds(5));
    }

    private static void assertUnavailable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo("The file storage cannot be reached, try again later");
        });
    }

    private static void assertMisconfigured(StorageProperties.S3 settings, String hint) {
        assertThatThrownBy(() -> S3ObjectStore.create(settings).close()).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("S3 upload storage (LAFAOM_STORAGE=s3) is misconfigured: ").hasMessageContaining(hint);
    }
}

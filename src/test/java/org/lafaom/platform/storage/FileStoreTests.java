package org.lafaom.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.springframework.core.io.InputStreamSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

/** What {@link FileStore} checks before anything is written, whatever the backend, and the local folder backend. */
class FileStoreTests {

    private static final byte[] PDF = "%PDF-1.4\nhello\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void whenAFileIsStoredLocallyThenItIsReadBackWithItsTypeAndSizeAndDeleted() throws IOException {
        FileStore files = new FileStore(new LocalObjectStore(dir), properties());
        FileStore.StoredFile stored = files.store("student-applications", pdf(), Set.of(FileKind.PDF), null);

        assertThat(stored.key()).matches("student-applications/[a-f0-9-]{36}\\.pdf");
        assertThat(Files.readAllBytes(dir.resolve(stored.key()))).isEqualTo(PDF);
        try (Stream<Path> left = Files.list(dir.resolve("student-applications"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
        StoredObject object = files.open(stored.key()).orElseThrow();
        assertThat(object.mediaType()).isEqualTo("application/pdf");
        assertThat(object.size()).isEqualTo(PDF.length);
        assertThat(object.extension()).isEqualTo("pdf");
        try (InputStream in = object.content().getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }

        files.delete(stored.key());
        assertThat(files.open(stored.key())).isEmpty();
        assertThat(files.open(stored.key())).isEmpty();
    }

    @Test
    void whenTheContentIsWrongEmptyOrTooLargeThenNothingIsWritten() {
        Recording store = new Recording();
        FileStore files = new FileStore(store, properties());

        assertRefused(() -> files.store("blog", new MockMultipartFile("f", "cv.pdf", "application/pdf",
                "<html>not a pdf</html>".getBytes(StandardCharsets.US_ASCII)), Set.of(FileKind.PDF), null), ErrorCode.INVALID_FILE);
        assertRefused(() -> files.store("blog", pdf(), Set.of(FileKind.PNG, FileKind.JPEG), null), ErrorCode.INVALID_FILE);
        assertRefused(() -> files.store("blog", new MockMultipartFile("f", new byte[0]), Set.of(FileKind.PDF), null),
                ErrorCode.VALIDATION_ERROR);
        assertRefused(() -> files.store("blog", pdf(), Set.of(FileKind.PDF), DataSize.ofBytes(PDF.length - 1)), ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(store.calls).isEmpty();
    }

    @Test
    void whenAKeyIsNotOneThisStoreMakesThenItIsNeitherReadNorDeleted() throws IOException {
        Recording store = new Recording();
        FileStore files = new FileStore(store, properties());
        Files.writeString(dir.resolve("secret.txt"), "secret");
        List<String> bad = List.of("../secret.txt", "blog/../../secret.txt", "/etc/passwd", "blog/x.pdf",
                "blog/0a1b2c3d-0000-4000-8000-00000000000a.pdf/../../secret", "Blog/0a1b2c3d-0000-4000-8000-00000000000a.pdf",
                "https://bucket.s3.amazonaws.com/blog/a.png", "");

        for (String key : bad) {
            assertThat(files.open(key)).as(key).isEmpty();
            assertThat(files.isKey(key)).as(key).isFalse();
            files.delete(key);
        }
        assertThat(files.open(null)).isEmpty();
        assertThat(store.calls).isEmpty();
        assertThat(dir.resolve("secret.txt")).exists();
    }

    @Test
    void whenTheStorageFailsOnDeleteThenTheCallerIsNotFailed() {
        Recording store = new Recording();
        store.failDeletes = true;
        FileStore files = new FileStore(store, properties());

        files.delete("blog/0a1b2c3d-0000-4000-8000-00000000000a.png");
        assertThat(store.calls).containsExactly("delete blog/0a1b2c3d-0000-4000-8000-00000000000a.png");
    }

    @Test
    void whenTheStorageFailsOnUploadThenTheFailureReachesTheCaller() {
        Recording store = new Recording();
        store.failPuts = true;
        FileStore files = new FileStore(store, properties());

        assertRefused(() -> files.store("blog", pdf(), Set.of(FileKind.PDF), null), ErrorCode.SERVICE_UNAVAILABLE);
    }

    private StorageProperties properties() {
        return new StorageProperties(dir, DataSize.ofMegabytes(1), StorageProperties.Backend.LOCAL,
                new StorageProperties.S3(null, "us-east-1", null, false, null, null, null, null, null, null));
    }

    private static MockMultipartFile pdf() {
        return new MockMultipartFile("file", "cv.pdf", "application/pdf", PDF);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    /** A store that only records what reached it, and fails when told to. */
    private static final class Recording implements ObjectStore {
        final List<String> calls = new ArrayList<>();
        boolean failDeletes;
        boolean failPuts;

        @Override
        public void put(String key, InputStreamSource content, long size, String mediaType) {
            calls.add("put " + key);
            if (failPuts) {
                throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "down");
            }
        }

        @Override
        public Optional<StoredObject> open(String key, String mediaType) {
            calls.add("open " + key);
            return Optional.empty();
        }

        @Override
        public void delete(String key) {
            calls.add("delete " + key);
            if (failDeletes) {
                throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "down");
            }
        }

        @Override
        public void checkReachable() {}

        @Override
        public String describe() {
            return "recording store";
        }
    }
}

package org.lafaom.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.springframework.core.io.InputStreamSource;

/** Objects as files under {@code <dir>/<key>}, written to a {@code .partial} file first and then moved in place. */
final class LocalObjectStore implements ObjectStore {

    private final Path root;

    LocalObjectStore(Path dir) {
        this.root = dir.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, InputStreamSource content, long size, String mediaType) {
        Path target = path(key).orElseThrow();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (InputStream in = content.getInputStream()) {
            Files.createDirectories(target.getParent());
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // The write failed already; that failure is the one to report.
            }
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<StoredObject> open(String key, String mediaType) {
        return path(key).filter(Files::isRegularFile).map(p -> StoredObject.ofFile(key, mediaType, p));
    }

    @Override
    public void delete(String key) {
        path(key).ifPresent(p -> {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void checkReachable() {
        // The folder is created on the first upload; a full or read-only disk shows as failed uploads.
    }

    @Override
    public String describe() {
        return "local folder " + root;
    }

    /** The file of a key, never outside the folder. */
    private Optional<Path> path(String key) {
        Path path = root.resolve(key).normalize();
        return path.startsWith(root) && !path.equals(root) ? Optional.of(path) : Optional.empty();
    }
}

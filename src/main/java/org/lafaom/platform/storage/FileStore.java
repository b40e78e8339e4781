package org.lafaom.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Stores uploads under {@code <dir>/<folder>/<random>.<ext>}. The type is decided by the file's
 * content; a file whose bytes are not one of the accepted kinds is refused whatever its name says.
 */
@Service
public class FileStore {

    private static final Pattern SAFE_KEY = Pattern.compile("[a-z0-9-]+/[a-f0-9-]{36}\\.[a-z]{3,4}");

    private final Path root;
    private final DataSize maxDocumentSize;

    FileStore(StorageProperties properties) {
        this.root = properties.dir().toAbsolutePath().normalize();
        this.maxDocumentSize = properties.maxDocumentSize();
    }

    /** A stored file: its key (relative path) and the kind detected from its content. */
    public record StoredFile(String key, FileKind kind, long size) {}

    public StoredFile store(String folder, MultipartFile file, Set<FileKind> accepted, DataSize maxSize) {
        DataSize limit = maxSize == null ? maxDocumentSize : maxSize;
        if (file == null || file.isEmpty()) {
            throw ApiException.validation("body", "file", "The file is empty");
        }
        if (file.getSize() > limit.toBytes()) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The file is larger than " + limit.toMegabytes() + " MB");
        }
        FileKind kind;
        try (InputStream in = file.getInputStream()) {
            kind = FileKind.detect(in.readNBytes(16))
                    .filter(accepted::contains)
                    .orElseThrow(() -> new ApiException(ErrorCode.INVALID_FILE,
                            "The file's content is not one of: " + accepted.stream().map(FileKind::extension).sorted().toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = folder + "/" + UUID.randomUUID() + "." + kind.extension();
        Path target = resolve(key).orElseThrow();
        try (InputStream in = file.getInputStream()) {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StoredFile(key, kind, file.getSize());
    }

    /** The file of a key this store produced; empty for unknown or malformed keys. */
    public Optional<Path> resolve(String key) {
        if (key == null || !SAFE_KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        Path path = root.resolve(key).normalize();
        return path.startsWith(root) ? Optional.of(path) : Optional.empty();
    }

    public Optional<Path> existing(String key) {
        return resolve(key).filter(Files::isRegularFile);
    }

    public void delete(String key) {
        resolve(key).ifPresent(p -> {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

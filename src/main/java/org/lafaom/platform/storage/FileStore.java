package org.lafaom.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Stores uploads under the key {@code <folder>/<random>.<ext>}, in the local uploads folder or in an
 * S3-compatible bucket ({@code lafaom.uploads.backend}). The type is decided by the file's content; a
 * file whose bytes are not one of the accepted kinds, or that is too large, is refused before
 * anything is written. Only keys of that shape are ever read or removed, so a stored path can
 * never point outside the uploads (no {@code ..}, no other object of the bucket).
 */
@Service
public class FileStore {

    private static final Logger log = LoggerFactory.getLogger(FileStore.class);
    private static final Pattern SAFE_KEY = Pattern.compile("[a-z0-9-]+/[a-f0-9-]{36}\\.[a-z]{3,4}");

    private final ObjectStore objects;
    private final DataSize maxDocumentSize;

    FileStore(ObjectStore objects, StorageProperties properties) {
        this.objects = objects;
        this.maxDocumentSize = properties.maxDocumentSize();
    }

    /** A stored file: its key and the kind detected from its content. */
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
        if (!isKey(key)) {
            throw new IllegalArgumentException("Not a storage folder name: " + folder);
        }
        objects.put(key, file, file.getSize(), kind.mediaType());
        return new StoredFile(key, kind, file.getSize());
    }

    /** Whether this is the shape of a key this store makes (it may or may not be stored). */
    public boolean isKey(String key) {
        return key != null && SAFE_KEY.matcher(key).matches();
    }

    /**
     * The stored file of a key this store produced, with its size, media type (by the extension its
     * content gave it) and content; empty for unknown or malformed keys.
     */
    public Optional<StoredObject> open(String key) {
        if (!isKey(key)) {
            return Optional.empty();
        }
        return objects.open(key, FileKind.mediaTypeOf(key));
    }

    /**
     * Removes a stored file; malformed keys are ignored. Best effort: a file that cannot be removed
     * now (storage unreachable) is logged and left behind rather than failing the caller, whose
     * row is already gone.
     */
    public void delete(String key) {
        if (!isKey(key)) {
            return;
        }
        try {
            objects.delete(key);
        } catch (RuntimeException e) {
            log.warn("Could not remove {} from {}; it is left behind: {}", key, objects.describe(), e.getMessage());
        }
    }
}

package org.lafaom.platform.storage;

import java.util.Optional;
import org.springframework.core.io.InputStreamSource;

/**
 * Where {@link FileStore} keeps the bytes: a local folder or an S3-compatible bucket. Keys reach it
 * already checked (only keys {@link FileStore} makes), and content already checked (type and size).
 */
interface ObjectStore {

    /** Writes the whole object or nothing: a reader never sees a partial file. */
    void put(String key, InputStreamSource content, long size, String mediaType);

    /** The object, or empty when it is not stored. */
    Optional<StoredObject> open(String key, String mediaType);

    /** Removes the object; nothing happens when it is not there. */
    void delete(String key);

    /** Throws when the storage cannot be used right now (for readiness). */
    void checkReachable();

    /** A short description for logs and health details, without credentials. */
    String describe();
}

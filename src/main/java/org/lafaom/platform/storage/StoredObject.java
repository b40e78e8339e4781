package org.lafaom.platform.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * A stored file ready to be served: its name (the key, or a legacy file's name), the media type its
 * content was recognised as, its size in bytes, and its content. The content is read only when the
 * response is written, from the folder or the bucket, so nothing is held in memory.
 */
public record StoredObject(String name, String mediaType, long size, Resource content) {

    /** A file on disk (in the uploads folder, or a copied legacy folder), served under that name. */
    public static StoredObject ofFile(String name, String mediaType, Path file) {
        try {
            return new StoredObject(name, mediaType, Files.size(file), new FileSystemResource(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The extension of the name, lower-case, without the dot (empty when there is none). */
    public String extension() {
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        return dot > slash ? name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
    }
}

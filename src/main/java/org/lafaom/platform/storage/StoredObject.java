package org.lafaom.platform.storage;

import org.springframework.core.io.Resource;

/**
 * A stored file ready to be served: its name (the key, or a legacy file's name), the media type its
 * content was recognised as, its size in bytes, and its content. The content is read only when the
 * response is written, from the folder or the bucket, so nothing is held in memory.
 */
public record StoredObject(String name, String mediaType, long size, Resource content) {

    /** The extension of the name, lower-case, without the dot (empty when there is none). */
    public String extension() {
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        return dot > slash ? name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
    }
}

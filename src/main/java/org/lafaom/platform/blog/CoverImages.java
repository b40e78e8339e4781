package org.lafaom.platform.blog;

import java.util.Optional;
import java.util.Set;
import org.lafaom.platform.shared.WebProperties;
import org.lafaom.platform.storage.FileKind;
import org.lafaom.platform.storage.FileStore;
import org.lafaom.platform.storage.StoredObject;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Cover images of posts and sections: kept by {@link FileStore} (type by content, size-limited,
 * random name) and referred to by an absolute URL that both web clients display as it is. Values
 * that are not ours (the old backend's relative or S3 paths) are never touched.
 */
@Component
class CoverImages {

    static final String FOLDER = "blog";
    static final String PATH = "/api/v1/media/blog";
    private static final Set<FileKind> IMAGES = Set.of(FileKind.JPEG, FileKind.PNG, FileKind.WEBP);

    private final FileStore files;
    private final WebProperties web;
    private final BlogProperties properties;

    CoverImages(FileStore files, WebProperties web, BlogProperties properties) {
        this.files = files;
        this.web = web;
        this.properties = properties;
    }

    /** Stores the upload and answers its public URL. */
    String store(MultipartFile image) {
        FileStore.StoredFile stored = files.store(FOLDER, image, IMAGES, properties.maxImageSize());
        return prefix() + stored.key().substring(FOLDER.length() + 1);
    }

    /** Removes a file this class stored; anything else (legacy paths, null) is left alone. */
    void deleteIfOwn(String url) {
        if (url != null && url.startsWith(prefix())) {
            files.delete(FOLDER + "/" + url.substring(prefix().length()));
        }
    }

    Optional<StoredObject> file(String name) {
        return files.open(FOLDER + "/" + name);
    }

    private String prefix() {
        return web.publicUrlWithoutSlash() + PATH + "/";
    }
}

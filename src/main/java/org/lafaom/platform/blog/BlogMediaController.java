package org.lafaom.platform.blog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.storage.StoredObject;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves blog images, which are public like the posts they illustrate: those stored by this
 * service under random names, and those the old backend stored under {@code static/uploads/posts/}
 * (clients put the API host in front of that relative path). Only the blog's own legacy folders
 * are served: the rest of the old {@code static} folder held private documents (CVs).
 */
@RestController
class BlogMediaController {

    private static final Pattern LEGACY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,250}");
    private static final Map<String, MediaType> LEGACY_TYPES = Map.of(
            "jpg", MediaType.IMAGE_JPEG, "jpeg", MediaType.IMAGE_JPEG, "png", MediaType.IMAGE_PNG,
            "gif", MediaType.IMAGE_GIF, "webp", MediaType.parseMediaType("image/webp"), "bmp", MediaType.parseMediaType("image/bmp"));

    private final CoverImages covers;
    private final Path legacyPosts;

    BlogMediaController(CoverImages covers, BlogProperties properties) {
        this.covers = covers;
        this.legacyPosts = properties.legacyStaticDir().toAbsolutePath().normalize().resolve("uploads/posts");
    }

    @GetMapping(CoverImages.PATH + "/{name}")
    ResponseEntity<Resource> image(@PathVariable String name) {
        StoredObject file = covers.file(name).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
        MediaType type = MediaType.parseMediaType(file.mediaType());
        return serve(file.content(), type);
    }

    @GetMapping("/static/uploads/posts/{name}")
    ResponseEntity<Resource> legacyCover(@PathVariable String name) {
        return legacy(legacyPosts, name);
    }

    @GetMapping("/static/uploads/posts/sections/{name}")
    ResponseEntity<Resource> legacySectionCover(@PathVariable String name) {
        return legacy(legacyPosts.resolve("sections"), name);
    }

    /** Images only, by extension, and never a path outside the folder. */
    private ResponseEntity<Resource> legacy(Path folder, String name) {
        MediaType type = LEGACY_TYPES.get(extension(name));
        Path path = folder.resolve(name).normalize();
        if (type == null || !LEGACY_NAME.matcher(name).matches() || !path.getParent().equals(folder) || !Files.isRegularFile(path)) {
            throw new ApiException(ErrorCode.NOT_FOUND);
        }
        return serve(new FileSystemResource(path), type);
    }

    private static ResponseEntity<Resource> serve(Resource content, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'")
                .body(content);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}

package org.lafaom.platform.users;

import java.time.Duration;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.storage.FileStore;
import org.lafaom.platform.storage.StoredObject;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves profile pictures. They are public like an avatar on any site, under a random,
 * unguessable name; private documents are served elsewhere, to their owner and staff only.
 */
@RestController
class ProfileImageController {

    static final String PATH = "/api/v1/media/profile";

    private final FileStore files;

    ProfileImageController(FileStore files) {
        this.files = files;
    }

    @GetMapping(PATH + "/{name}")
    ResponseEntity<Resource> picture(@PathVariable String name) {
        StoredObject file = files.open(ProfileController.PICTURE_FOLDER + "/" + name)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
        MediaType type = MediaType.parseMediaType(file.mediaType());
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(file.size())
                .cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }
}

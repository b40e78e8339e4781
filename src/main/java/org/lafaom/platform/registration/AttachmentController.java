package org.lafaom.platform.registration;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lafaom.platform.registration.ApplicationViews.AttachmentOut;
import org.lafaom.platform.shared.ApiResponse;
import org.lafaom.platform.shared.CurrentUser;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * An application's documents. The old backend left the upload and the list open to anyone; they
 * now need the student who owns the application, the public site's follow-up of an application it
 * just created, or, to read, staff who may see applications.
 */
@RestController
@PreAuthorize("isAuthenticated() and !principal.machine")
class AttachmentController {

    private final Attachments attachments;

    AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/api/v1/my-student-applications/{id}/attachments")
    @PreAuthorize("!isAuthenticated() or !principal.machine")
    ApiResponse<List<AttachmentOut>> list(@PathVariable int id, @AuthenticationPrincipal CurrentUser me, HttpServletRequest request) {
        return ApiResponse.ok("Attachments fetched successfully", attachments.list(id, me, request.getRemoteAddr()));
    }

    /**
     * Multipart form: {@code name} (the kind of document) and {@code file} (PDF, JPEG or PNG). The
     * public site uploads without signing in, right after applying (see {@link ApplicationAccess}).
     */
    @PostMapping(path = "/api/v1/my-student-applications/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("!isAuthenticated() or !principal.machine")
    ApiResponse<AttachmentOut> upload(@PathVariable int id, @RequestParam("name") String name, @RequestPart("file") MultipartFile file,
            @AuthenticationPrincipal CurrentUser me, HttpServletRequest request) {
        return ApiResponse.ok("Attachment created successfully", attachments.upload(id, name, file, me, request.getRemoteAddr()));
    }

    @DeleteMapping("/api/v1/my-student-attachments/{attachmentId}")
    ApiResponse<AttachmentOut> delete(@PathVariable int attachmentId, @AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok("Attachment deleted successfully", attachments.delete(attachmentId, me));
    }

    /** The document itself, never cached by browsers or proxies and never rendered inline. */
    @GetMapping("/api/v1/student-attachments/{attachmentId}/file")
    ResponseEntity<Resource> file(@PathVariable int attachmentId, @AuthenticationPrincipal CurrentUser me) {
        Attachments.Download download = attachments.file(attachmentId, me);
        if (download.legacyUrl() != null) {
            return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, download.legacyUrl()).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.mediaType()))
                .contentLength(download.file().size())
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.filename(), StandardCharsets.UTF_8).build().toString())
                .body(download.file().content());
    }
}

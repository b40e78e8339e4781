package org.lafaom.platform.jobs;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lafaom.platform.jobs.JobViews.DownloadLink;
import org.lafaom.platform.jobs.JobViews.JobAttachmentOut;
import org.lafaom.platform.shared.ApiResponse;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.storage.StoredObject;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Candidates' documents: public upload, staff listing, deletion and downloads, and the file behind a link. */
@RestController
class JobAttachmentController {

    private final JobAttachments attachments;
    private final JobApplications applications;
    private final RequestLimits limits;
    private final JobsProperties properties;

    JobAttachmentController(JobAttachments attachments, JobApplications applications, RequestLimits limits,
            JobsProperties properties) {
        this.attachments = attachments;
        this.applications = applications;
        this.limits = limits;
        this.properties = properties;
    }

    /** The upload form as the OpenAPI document shows it; the route reads the two fields itself. */
    record UploadForm(
            @Schema(name = "name", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100,
                    description = "The document type, e.g. CV") String name,
            @Schema(name = "file", requiredMode = Schema.RequiredMode.REQUIRED, type = "string", format = "binary",
                    description = "PDF, JPEG or PNG, checked by content") String file) {}

    /** Public (multipart {@code name} + {@code file}); the answer is a one-element list, as before. */
    @PostMapping("/api/v1/job-attachments")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema = @Schema(implementation = UploadForm.class)))
    ApiResponse<List<JobAttachmentOut>> upload(@Parameter(hidden = true) @RequestParam(required = false) String name,
            @Parameter(hidden = true) @RequestParam(required = false) MultipartFile file, HttpServletRequest request) {
        limits.hit("upload-address:" + request.getRemoteAddr(), properties.limits().uploadsPerAddress(), properties.limits().window());
        return ApiResponse.ok("Attachment created successfully", List.of(attachments.upload(name, file)));
    }

    @GetMapping("/api/v1/job-applications/{applicationId}/attachments")
    @PreAuthorize("hasAuthority('can_view_job_application')")
    ApiResponse<List<JobAttachmentOut>> list(@PathVariable int applicationId) {
        applications.get(applicationId);
        return ApiResponse.ok("Attachments fetched successfully", attachments.ofApplication(applicationId));
    }

    @DeleteMapping("/api/v1/job-attachments/{attachmentId}")
    @PreAuthorize("hasAuthority('can_delete_job_attachment')")
    ApiResponse<JobAttachmentOut> delete(@PathVariable int attachmentId) {
        return ApiResponse.ok("Attachment deleted successfully", attachments.delete(attachmentId));
    }

    /** What the admin app asks before downloading: a link it then fetches (with or without its bearer token). */
    @GetMapping("/api/v1/job-attachments/{attachmentId}/download")
    @PreAuthorize("hasAuthority('can_view_job_application')")
    ApiResponse<DownloadLink> download(@PathVariable int attachmentId) {
        return ApiResponse.ok("Download link created", attachments.link(attachmentId));
    }

    /** The file, for staff who may view applications or for whoever holds a live link token. */
    @GetMapping("/api/v1/job-attachments/{attachmentId}/file")
    ResponseEntity<Resource> file(@PathVariable int attachmentId, @RequestParam(required = false) String token,
            @AuthenticationPrincipal CurrentUser me) {
        JobAttachmentOut attachment = attachments.get(attachmentId);
        StoredObject file = attachments.file(attachmentId, token, me);
        String extension = file.extension();
        MediaType type = MediaType.parseMediaType(file.mediaType());
        String download = attachment.name().replaceAll("[^\\p{L}\\p{N} ._-]", "_");
        if (!download.toLowerCase().endsWith("." + extension)) {
            download = download + "." + extension;
        }
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(download, StandardCharsets.UTF_8)
                        .build().toString())
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }
}

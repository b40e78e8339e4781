package org.lafaom.platform.blog;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.lafaom.platform.blog.BlogViews.PostSectionOut;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ApiResponse;
import org.lafaom.platform.shared.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** Sections of a post: public reads (drafts' sections for staff only), multipart writes. */
@RestController
@RequestMapping("/api/v1/blog")
class SectionController {

    private final Sections sections;
    private final ObjectMapper mapper;

    SectionController(Sections sections, ObjectMapper mapper) {
        this.sections = sections;
        this.mapper = mapper;
    }

    @GetMapping("/posts/{postId}/sections")
    ApiResponse<List<PostSectionOut>> ofPost(@AuthenticationPrincipal CurrentUser me, @PathVariable int postId) {
        return ApiResponse.ok("Sections fetched successfully", sections.ofPost(postId, Reader.of(me)));
    }

    @GetMapping("/posts-by-slug/{postSlug}/sections")
    ApiResponse<List<PostSectionOut>> ofPostSlug(@AuthenticationPrincipal CurrentUser me, @PathVariable String postSlug) {
        return ApiResponse.ok("Sections fetched successfully", sections.ofPost(postSlug, Reader.of(me)));
    }

    /** {@code position} is where the section goes (1 = first); absent or past the end = last. */
    @PostMapping("/sections")
    @PreAuthorize("hasAuthority('can_update_blog')")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema = @Schema(implementation = BlogFormDocs.SectionCreateForm.class)))
    ApiResponse<PostSectionOut> create(HttpServletRequest request) {
        return ApiResponse.ok("Section created successfully", sections.create(fields(request, true)));
    }

    @PutMapping("/sections/{sectionId}")
    @PreAuthorize("hasAuthority('can_update_blog')")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema = @Schema(implementation = BlogFormDocs.SectionUpdateForm.class)))
    ApiResponse<PostSectionOut> update(@PathVariable int sectionId, HttpServletRequest request) {
        return ApiResponse.ok("Section updated successfully", sections.update(sectionId, fields(request, false)));
    }

    @DeleteMapping("/sections/{sectionId}")
    @PreAuthorize("hasAuthority('can_update_blog')")
    ApiResponse<PostSectionOut> delete(@PathVariable int sectionId) {
        return ApiResponse.ok("Section deleted successfully", sections.delete(sectionId));
    }

    /** On create the post, title and content are required; on update every field is optional. */
    private Sections.SectionFields fields(HttpServletRequest request, boolean creating) {
        BlogForm form = BlogForm.of(request, mapper);
        Integer position = form.integer("position", false);
        if (position != null && position < 1) {
            throw ApiException.validation("body", "position", "Input should be greater than or equal to 1");
        }
        return new Sections.SectionFields(
                form.integer("post_id", creating),
                form.text("title", BlogInputs.MAX_TITLE, creating),
                form.text("content", BlogInputs.MAX_CONTENT, creating),
                position,
                form.file("cover_image", false));
    }
}

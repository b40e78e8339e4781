package org.lafaom.platform.blog;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The multipart forms as the OpenAPI document shows them. The routes read their fields one by one
 * ({@link BlogForm}) to report a 422 per form field, so these records exist for the document only.
 */
final class BlogFormDocs {

    private BlogFormDocs() {}

    private static final String TAGS = "One field holding a JSON array string (tags=[\"sante\",\"dakar\"], as the admin app sends it),"
            + " or the field repeated (tags=sante&tags=dakar)";

    record PostCreateForm(
            @Schema(name = "author_name", requiredMode = RequiredMode.REQUIRED, maxLength = BlogInputs.MAX_TITLE) String authorName,
            @Schema(name = "title", requiredMode = RequiredMode.REQUIRED, maxLength = BlogInputs.MAX_TITLE) String title,
            @Schema(name = "cover_image", requiredMode = RequiredMode.REQUIRED, type = "string", format = "binary",
                    description = "JPEG, PNG or WebP, checked by content") String coverImage,
            @Schema(name = "category_id", requiredMode = RequiredMode.REQUIRED) Integer categoryId,
            @Schema(name = "summary", maxLength = BlogInputs.MAX_SUMMARY) String summary,
            @Schema(name = "tags", description = TAGS) String tags,
            @Schema(name = "section_style", description = "Accepted and ignored, as before") String sectionStyle) {}

    record PostUpdateForm(
            @Schema(name = "author_name", maxLength = BlogInputs.MAX_TITLE) String authorName,
            @Schema(name = "title", maxLength = BlogInputs.MAX_TITLE,
                    description = "A draft's slug follows its title; a published post keeps its slug") String title,
            @Schema(name = "cover_image", type = "string", format = "binary", description = "Replaces the cover") String coverImage,
            @Schema(name = "category_id") Integer categoryId,
            @Schema(name = "summary", maxLength = BlogInputs.MAX_SUMMARY) String summary,
            @Schema(name = "tags", description = TAGS) String tags) {}

    record SectionCreateForm(
            @Schema(name = "post_id", requiredMode = RequiredMode.REQUIRED) Integer postId,
            @Schema(name = "title", requiredMode = RequiredMode.REQUIRED, maxLength = BlogInputs.MAX_TITLE) String title,
            @Schema(name = "content", requiredMode = RequiredMode.REQUIRED, maxLength = BlogInputs.MAX_CONTENT) String content,
            @Schema(name = "position", minimum = "1", description = "1 = first; absent or past the end = last") Integer position,
            @Schema(name = "cover_image", type = "string", format = "binary") String coverImage) {}

    record SectionUpdateForm(
            @Schema(name = "post_id", description = "Moves the section to that post") Integer postId,
            @Schema(name = "title", maxLength = BlogInputs.MAX_TITLE) String title,
            @Schema(name = "content", maxLength = BlogInputs.MAX_CONTENT) String content,
            @Schema(name = "position", minimum = "1", description = "Moves the section; the others are renumbered") Integer position,
            @Schema(name = "cover_image", type = "string", format = "binary", description = "Replaces the image") String coverImage) {}
}

package org.lafaom.platform.blog;

import java.time.OffsetDateTime;
import java.util.List;

/** Response shapes of the contract's blog schemas (snake_case on the wire). */
final class BlogViews {

    private BlogViews() {}

    /** {@code PostCategoryOut}. */
    record PostCategoryOut(int id, String title, String slug, String description, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    /** {@code PostOut}: sections are read separately, as in the old backend. */
    record PostOut(int id, String userId, String authorName, String title, String slug, String coverImage, String summary,
            OffsetDateTime publishedAt, List<String> tags, int categoryId, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    /** {@code PostSectionOut}. */
    record PostSectionOut(int id, String title, String coverImage, String content, int position, int postId,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
}

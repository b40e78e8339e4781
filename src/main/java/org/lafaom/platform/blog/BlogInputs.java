package org.lafaom.platform.blog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lafaom.platform.shared.ApiException;

/** Request bodies of the JSON routes and the rules shared by every blog input. */
final class BlogInputs {

    static final int MAX_TITLE = 255;
    static final int MAX_DESCRIPTION = 2_000;
    static final int MAX_SUMMARY = 5_000;
    static final int MAX_CONTENT = 200_000;

    private BlogInputs() {}

    /** {@code PostCategoryCreateInput}. */
    record CategoryCreateInput(
            @NotBlank @Size(max = MAX_TITLE) String title, @NotNull @Size(max = MAX_DESCRIPTION) String description) {}

    /** {@code PostCategoryUpdateInput}: absent or empty fields keep their value. */
    record CategoryUpdateInput(@Size(max = MAX_TITLE) String title, @Size(max = MAX_DESCRIPTION) String description) {}

    /** The slug of a title; a title without a letter or digit would give an empty URL and is refused. */
    static String slugOf(String field, String title) {
        String slug = Slugs.slugify(title);
        if (slug.isEmpty()) {
            throw ApiException.validation("body", field, "The title must contain at least one letter or digit");
        }
        return slug;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

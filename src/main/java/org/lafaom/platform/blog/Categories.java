package org.lafaom.platform.blog;

import java.util.List;
import org.lafaom.platform.blog.BlogViews.PostCategoryOut;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Post categories: slug from the title, unique among live categories, soft delete. */
@Service
@Transactional(readOnly = true)
class Categories {

    private final CategoryRepository categories;

    Categories(CategoryRepository categories) {
        this.categories = categories;
    }

    List<PostCategoryOut> list() {
        return categories.listLive();
    }

    PostCategoryOut get(int id) {
        return categories.findLive(id).orElseThrow(() -> new ApiException(ErrorCode.CATEGORY_NOT_FOUND));
    }

    /** The database's unique index decides a clash, so two concurrent creations cannot both win. */
    @Transactional
    PostCategoryOut create(String title, String description) {
        try {
            return categories.insert(title.trim(), BlogInputs.slugOf("title", title), description);
        } catch (DuplicateKeyException e) {
            throw new ApiException(ErrorCode.CATEGORY_SLUG_TAKEN);
        }
    }

    @Transactional
    PostCategoryOut update(int id, String title, String description) {
        String newTitle = BlogInputs.blankToNull(title);
        String slug = newTitle == null ? null : BlogInputs.slugOf("title", newTitle);
        try {
            return categories.update(id, newTitle == null ? null : newTitle.trim(), slug, description)
                    .orElseThrow(() -> new ApiException(ErrorCode.CATEGORY_NOT_FOUND_IN_REQUEST));
        } catch (DuplicateKeyException e) {
            throw new ApiException(ErrorCode.CATEGORY_ALREADY_EXISTS);
        }
    }

    @Transactional
    PostCategoryOut delete(int id) {
        return categories.softDelete(id).orElseThrow(() -> new ApiException(ErrorCode.CATEGORY_NOT_FOUND_IN_REQUEST));
    }

    /** Posts may only be filed under a live category (the old backend failed with a 500). */
    void requireLive(int id) {
        if (!categories.exists(id)) {
            throw new ApiException(ErrorCode.CATEGORY_NOT_FOUND_IN_REQUEST);
        }
    }
}

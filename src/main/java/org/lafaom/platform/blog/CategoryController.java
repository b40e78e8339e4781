package org.lafaom.platform.blog;

import jakarta.validation.Valid;
import java.util.List;
import org.lafaom.platform.blog.BlogInputs.CategoryCreateInput;
import org.lafaom.platform.blog.BlogInputs.CategoryUpdateInput;
import org.lafaom.platform.blog.BlogViews.PostCategoryOut;
import org.lafaom.platform.shared.ApiResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/blog/categories}: public reads, staff writes (JSON bodies). */
@RestController
@RequestMapping("/api/v1/blog/categories")
class CategoryController {

    private final Categories categories;

    CategoryController(Categories categories) {
        this.categories = categories;
    }

    @GetMapping
    ApiResponse<List<PostCategoryOut>> list() {
        return ApiResponse.ok("Categories fetched successfully", categories.list());
    }

    @GetMapping("/{categoryId}")
    ApiResponse<PostCategoryOut> get(@PathVariable int categoryId) {
        return ApiResponse.ok("Category fetched successfully", categories.get(categoryId));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('can_create_blog')")
    ApiResponse<PostCategoryOut> create(@Valid @RequestBody CategoryCreateInput input) {
        return ApiResponse.ok("Category created successfully", categories.create(input.title(), input.description()));
    }

    @PutMapping("/{categoryId}")
    @PreAuthorize("hasAuthority('can_update_blog')")
    ApiResponse<PostCategoryOut> update(@PathVariable int categoryId, @Valid @RequestBody CategoryUpdateInput input) {
        return ApiResponse.ok("Category updated successfully", categories.update(categoryId, input.title(), input.description()));
    }

    @DeleteMapping("/{categoryId}")
    @PreAuthorize("hasAuthority('can_delete_blog')")
    ApiResponse<PostCategoryOut> delete(@PathVariable int categoryId) {
        return ApiResponse.ok("Category deleted successfully", categories.delete(categoryId));
    }
}

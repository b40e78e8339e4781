package org.lafaom.platform.blog;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.lafaom.platform.blog.BlogViews.PostOut;
import org.lafaom.platform.blog.PostRepository.ListFilter;
import org.lafaom.platform.shared.ApiResponse;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /api/v1/blog/posts...}: listings and reads are public but show drafts only to staff with
 * {@code can_view_blog}; writes are multipart forms, as the admin app sends them.
 */
@RestController
@RequestMapping("/api/v1/blog")
class PostController {

    private static final Set<String> ORDERS = Set.of("created_at", "published_at", "title");

    private final Posts posts;
    private final ObjectMapper mapper;

    PostController(Posts posts, ObjectMapper mapper) {
        this.posts = posts;
        this.mapper = mapper;
    }

    /**
     * {@code /posts}: everything the reader may see ({@code is_published=false} lists drafts, for
     * staff only). {@code /get-published-posts}: published posts only, for everyone. Either way the
     * total counts exactly what is listed.
     */
    @GetMapping({"/posts", "/get-published-posts"})
    PageResponse<PostOut> list(@AuthenticationPrincipal CurrentUser me, HttpServletRequest request,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "page_size", required = false) Integer pageSize,
            @RequestParam(required = false) String search,
            @RequestParam(name = "category_id", required = false) Integer categoryId,
            @RequestParam(name = "is_published", required = false) Boolean isPublished,
            @RequestParam(required = false) String tag,
            @RequestParam(name = "order_by", required = false) String orderBy,
            @RequestParam(required = false) String asc) {
        boolean publishedOnly = request.getRequestURI().endsWith("/get-published-posts") || !Reader.of(me).seesDrafts();
        return posts.list(filter(isPublished, search, categoryId, tag), pageOf(page, pageSize, orderBy, asc), publishedOnly);
    }

    @PostMapping("/posts")
    @PreAuthorize("hasAuthority('can_create_blog')")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema = @Schema(implementation = BlogFormDocs.PostCreateForm.class)))
    ApiResponse<PostOut> create(@AuthenticationPrincipal CurrentUser me, HttpServletRequest request) {
        return ApiResponse.ok("Post created successfully", posts.create(me.id(), fields(request, true)));
    }

    @GetMapping("/posts/{postId}")
    ApiResponse<PostOut> get(@AuthenticationPrincipal CurrentUser me, @PathVariable int postId) {
        return ApiResponse.ok("Post fetched successfully", posts.get(postId, Reader.of(me)));
    }

    @GetMapping("/posts-by-slug/{postSlug}")
    ApiResponse<PostOut> getBySlug(@AuthenticationPrincipal CurrentUser me, @PathVariable String postSlug) {
        return ApiResponse.ok("Post fetched successfully", posts.getBySlug(postSlug, Reader.of(me)));
    }

    /** All fields optional; a published post keeps its slug when its title changes. */
    @PutMapping("/posts/{postId}")
    @PreAuthorize("hasAuthority('can_update_blog')")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema = @Schema(implementation = BlogFormDocs.PostUpdateForm.class)))
    ApiResponse<PostOut> update(@PathVariable int postId, HttpServletRequest request) {
        return ApiResponse.ok("Post updated successfully", posts.update(postId, fields(request, false)));
    }

    @DeleteMapping("/posts/{postId}")
    @PreAuthorize("hasAuthority('can_delete_blog')")
    ApiResponse<PostOut> delete(@AuthenticationPrincipal CurrentUser me, @PathVariable int postId) {
        return ApiResponse.ok("Post deleted successfully", posts.delete(postId, me.id()));
    }

    @PostMapping("/posts/{postId}/publish")
    @PreAuthorize("hasAuthority('can_publish_blog')")
    ApiResponse<PostOut> publish(@AuthenticationPrincipal CurrentUser me, @PathVariable int postId) {
        return ApiResponse.ok("Post published successfully", posts.publish(postId, me.id()));
    }

    /** On create the author, title, cover and category are required; on update every field is optional. */
    private Posts.PostFields fields(HttpServletRequest request, boolean creating) {
        BlogForm form = BlogForm.of(request, mapper);
        return new Posts.PostFields(
                form.text("author_name", BlogInputs.MAX_TITLE, creating),
                form.text("title", BlogInputs.MAX_TITLE, creating),
                form.file("cover_image", creating),
                form.text("summary", BlogInputs.MAX_SUMMARY, false),
                form.tags(),
                form.integer("category_id", creating));
    }

    /** {@code page_size} above the maximum is served at the maximum rather than refused (the admin app asks for 1000). */
    private static PageRequest pageOf(Integer page, Integer pageSize, String orderBy, String asc) {
        Integer size = pageSize == null ? null : Math.min(pageSize, PageRequest.MAX_PAGE_SIZE);
        return PageRequest.of(page, size, orderBy, asc, ORDERS, "created_at");
    }

    private static ListFilter filter(Boolean published, String search, Integer categoryId, String tag) {
        String s = BlogInputs.blankToNull(search);
        String t = BlogInputs.blankToNull(tag);
        return new ListFilter(published, s == null ? null : s.strip(), categoryId, t == null ? null : t.strip());
    }
}

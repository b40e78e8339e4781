package org.lafaom.platform.blog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.lafaom.platform.blog.BlogViews.PostOut;
import org.lafaom.platform.blog.PostRepository.ListFilter;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.PageRequest;
import org.lafaom.platform.shared.PageResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Posts: drafts until published, slug from the title and frozen once published (a title change
 * must not break a public URL), cover image stored before the row and removed if the row fails.
 */
@Service
class Posts {

    private static final Logger log = LoggerFactory.getLogger(Posts.class);

    private final PostRepository posts;
    private final Categories categories;
    private final CoverImages covers;
    private final TransactionTemplate tx;
    private final TransactionTemplate snapshot;

    Posts(PostRepository posts, Categories categories, CoverImages covers, PlatformTransactionManager transactions) {
        this.posts = posts;
        this.categories = categories;
        this.covers = covers;
        this.tx = new TransactionTemplate(transactions);
        // A page and its total read from one snapshot, so they agree even while staff edit.
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** The form of create (where the form reader requires author, title, cover and category) and update (null = unchanged). */
    record PostFields(String authorName, String title, MultipartFile cover, String summary, List<String> tags, Integer categoryId) {}

    /**
     * One page and its total, counted with the same conditions in one transaction. With
     * {@code publishedOnly}, drafts are out whatever the filter asks (asking for drafts lists nothing).
     */
    PageResponse<PostOut> list(ListFilter filter, PageRequest page, boolean publishedOnly) {
        if (publishedOnly && Boolean.FALSE.equals(filter.published())) {
            return PageResponse.of(List.of(), page, 0);
        }
        ListFilter effective = publishedOnly
                ? new ListFilter(true, filter.search(), filter.categoryId(), filter.tag()) : filter;
        return snapshot.execute(s -> PageResponse.of(posts.list(effective, page), page, posts.count(effective)));
    }

    /** A post as {@code reader} may see it: drafts only for staff who may view the blog. */
    PostOut get(int id, Reader reader) {
        return visible(posts.findLive(id).orElse(null), reader);
    }

    PostOut getBySlug(String slug, Reader reader) {
        return visible(posts.findLiveBySlug(slug).orElse(null), reader);
    }

    PostOut create(String userId, PostFields input) {
        String slug = BlogInputs.slugOf("title", input.title());
        categories.requireLive(input.categoryId());
        String cover = covers.store(input.cover());
        return withCleanup(cover, () -> tx.execute(s -> {
            categories.requireLive(input.categoryId());
            try {
                return posts.insert(userId, input.authorName().strip(), input.title().strip(), slug, cover, input.summary(),
                        input.tags() == null ? List.of() : input.tags(), input.categoryId());
            } catch (DuplicateKeyException e) {
                throw new ApiException(ErrorCode.POST_ALREADY_EXISTS);
            }
        }));
    }

    PostOut update(int id, PostFields input) {
        String titleSlug = input.title() == null ? null : BlogInputs.slugOf("title", input.title());
        if (input.categoryId() != null) {
            categories.requireLive(input.categoryId());
        }
        posts.findLive(id).orElseThrow(() -> new ApiException(ErrorCode.POST_NOT_FOUND));
        String cover = input.cover() == null ? null : covers.store(input.cover());
        Updated updated = withCleanup(cover, () -> tx.execute(s -> {
            posts.lock(id);
            PostOut before = posts.findLive(id).orElseThrow(() -> new ApiException(ErrorCode.POST_NOT_FOUND));
            Map<String, Object> changes = new LinkedHashMap<>();
            put(changes, "author_name", input.authorName() == null ? null : input.authorName().strip());
            put(changes, "title", input.title() == null ? null : input.title().strip());
            if (titleSlug != null && before.publishedAt() == null) {
                changes.put("slug", titleSlug);
            }
            put(changes, "cover_image", cover);
            put(changes, "summary", input.summary());
            put(changes, "tags", input.tags());
            if (input.categoryId() != null) {
                categories.requireLive(input.categoryId());
                changes.put("category_id", input.categoryId());
            }
            try {
                return new Updated(posts.update(id, changes).orElseThrow(), before.coverImage());
            } catch (DuplicateKeyException e) {
                throw new ApiException(ErrorCode.POST_ALREADY_EXISTS);
            }
        }));
        if (cover != null) {
            covers.deleteIfOwn(updated.previousCover());
        }
        return updated.post();
    }

    private record Updated(PostOut post, String previousCover) {}

    /** Soft delete: the row, its sections and its cover stay, as in the old backend. */
    PostOut delete(int id, String byUserId) {
        PostOut post = posts.softDelete(id).orElseThrow(() -> new ApiException(ErrorCode.POST_NOT_FOUND));
        log.info("Blog post {} ({}) deleted by {}", id, post.slug(), byUserId);
        return post;
    }

    /** Sets {@code published_at} to now; publishing again moves the date, as before. */
    PostOut publish(int id, String byUserId) {
        PostOut post = posts.publish(id).orElseThrow(() -> new ApiException(ErrorCode.POST_NOT_FOUND));
        log.info("Blog post {} ({}) published by {}", id, post.slug(), byUserId);
        return post;
    }

    private static PostOut visible(PostOut post, Reader reader) {
        if (post == null || (post.publishedAt() == null && !reader.seesDrafts())) {
            throw new ApiException(ErrorCode.POST_NOT_FOUND);
        }
        return post;
    }

    private static void put(Map<String, Object> changes, String column, Object value) {
        if (value != null) {
            changes.put(column, value);
        }
    }

    /** Runs the write; if it fails, the file stored for it is removed so nothing is left orphaned. */
    private <T> T withCleanup(String storedCover, Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            covers.deleteIfOwn(storedCover);
            throw e;
        }
    }
}

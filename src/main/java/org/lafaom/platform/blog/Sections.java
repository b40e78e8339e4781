package org.lafaom.platform.blog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lafaom.platform.blog.BlogViews.PostSectionOut;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Sections of a post, numbered 1..n without gaps or ties: inserting at a position shifts the
 * later ones, a move renumbers, a delete closes the gap. Every change of positions first locks
 * the post's row, so concurrent edits (the admin app swaps two sections with two parallel
 * requests) apply one after the other.
 */
@Service
class Sections {

    private final SectionRepository sections;
    private final PostRepository posts;
    private final Posts postReads;
    private final CoverImages covers;
    private final TransactionTemplate tx;

    Sections(SectionRepository sections, PostRepository posts, Posts postReads, CoverImages covers, TransactionTemplate tx) {
        this.sections = sections;
        this.posts = posts;
        this.postReads = postReads;
        this.covers = covers;
        this.tx = tx;
    }

    /**
     * The form of create (post, title and content required; {@code position} null = after the last
     * section) and update (null = unchanged; a new {@code postId} moves the section to that post).
     */
    record SectionFields(Integer postId, String title, String content, Integer position, MultipartFile cover) {}

    List<PostSectionOut> ofPost(int postId, Reader reader) {
        return sections.listLive(postReads.get(postId, reader).id());
    }

    List<PostSectionOut> ofPost(String slug, Reader reader) {
        return sections.listLive(postReads.getBySlug(slug, reader).id());
    }

    PostSectionOut create(SectionFields input) {
        requireLivePost(input.postId());
        String cover = input.cover() == null ? null : covers.store(input.cover());
        try {
            return tx.execute(s -> {
                posts.lock(input.postId());
                requireLivePost(input.postId());
                List<Integer> order = ids(sections.listLive(input.postId()));
                int id = sections.insert(input.postId(), input.title().strip(), cover, input.content(), order.size() + 1);
                order.add(slot(input.position(), order.size()), id);
                renumber(input.postId(), order);
                return sections.findLive(id).orElseThrow();
            });
        } catch (RuntimeException e) {
            covers.deleteIfOwn(cover);
            throw e;
        }
    }

    PostSectionOut update(int id, SectionFields input) {
        PostSectionOut found = sections.findLive(id).orElseThrow(() -> new ApiException(ErrorCode.POST_SECTION_NOT_FOUND));
        boolean moves = input.postId() != null && input.postId() != found.postId();
        if (moves) {
            requireLivePost(input.postId());
        }
        String cover = input.cover() == null ? null : covers.store(input.cover());
        Changed changed;
        try {
            changed = tx.execute(s -> {
                lockInOrder(found.postId(), moves ? input.postId() : found.postId());
                PostSectionOut current = sections.findLive(id).orElseThrow(() -> new ApiException(ErrorCode.POST_SECTION_NOT_FOUND));
                Map<String, Object> changes = new LinkedHashMap<>();
                if (input.title() != null) {
                    changes.put("title", input.title().strip());
                }
                if (input.content() != null) {
                    changes.put("content", input.content());
                }
                if (cover != null) {
                    changes.put("cover_image", cover);
                }
                int target = moves ? input.postId() : current.postId();
                if (target != current.postId()) {
                    requireLivePost(target);
                    changes.put("post_id", target);
                }
                sections.update(id, changes);
                if (target != current.postId() || input.position() != null) {
                    List<Integer> left = ids(sections.listLive(current.postId()));
                    left.remove(Integer.valueOf(id));
                    if (target != current.postId()) {
                        renumber(current.postId(), left);
                        left = ids(sections.listLive(target));
                        left.remove(Integer.valueOf(id));
                    }
                    left.add(slot(input.position(), left.size()), id);
                    renumber(target, left);
                }
                return new Changed(current, sections.findLive(id).orElseThrow());
            });
        } catch (RuntimeException e) {
            covers.deleteIfOwn(cover);
            throw e;
        }
        if (cover != null) {
            covers.deleteIfOwn(changed.before().coverImage());
        }
        return changed.after();
    }

    private record Changed(PostSectionOut before, PostSectionOut after) {}

    /** Hard delete (the contract's behaviour); the sections after it move up by one. */
    PostSectionOut delete(int id) {
        PostSectionOut found = sections.findLive(id).orElseThrow(() -> new ApiException(ErrorCode.POST_SECTION_NOT_FOUND));
        PostSectionOut deleted = tx.execute(s -> {
            posts.lock(found.postId());
            PostSectionOut current = sections.findLive(id).orElseThrow(() -> new ApiException(ErrorCode.POST_SECTION_NOT_FOUND));
            sections.delete(id);
            List<Integer> left = ids(sections.listLive(current.postId()));
            renumber(current.postId(), left);
            return current;
        });
        covers.deleteIfOwn(deleted.coverImage());
        return deleted;
    }

    private void requireLivePost(int postId) {
        if (posts.findLive(postId).isEmpty()) {
            throw new ApiException(ErrorCode.POST_NOT_FOUND);
        }
    }

    /** Two posts are always locked in id order, so two moves in opposite directions cannot deadlock. */
    private void lockInOrder(int a, int b) {
        posts.lock(Math.min(a, b));
        if (a != b) {
            posts.lock(Math.max(a, b));
        }
    }

    /** Index in the list for a requested 1-based position: past the end means last. */
    private static int slot(Integer position, int size) {
        return position == null ? size : Math.min(position, size + 1) - 1;
    }

    /** Writes positions 1..n in the given order, touching only rows whose position changes. */
    private void renumber(int postId, List<Integer> orderedIds) {
        Map<Integer, Integer> current = new LinkedHashMap<>();
        sections.listLive(postId).forEach(section -> current.put(section.id(), section.position()));
        for (int i = 0; i < orderedIds.size(); i++) {
            Integer id = orderedIds.get(i);
            if (!Integer.valueOf(i + 1).equals(current.get(id))) {
                sections.setPosition(id, i + 1);
            }
        }
    }

    private static List<Integer> ids(List<PostSectionOut> list) {
        List<Integer> ids = new ArrayList<>();
        list.forEach(section -> ids.add(section.id()));
        return ids;
    }
}

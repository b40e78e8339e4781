package org.lafaom.platform.blog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.Http.Options;
import org.lafaom.platform.support.IntegrationTest;
import org.lafaom.platform.support.Multipart;

/** Staff accounts and small builders shared by the blog's HTTP tests. */
abstract class BlogIntegrationTest extends IntegrationTest {

    /** The smallest byte sequences the content check recognises. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0};

    private static String editor;
    private static String reader;
    private static String outsider;

    /** Staff holding every blog permission. */
    protected String editor() {
        if (editor == null) {
            editor = staffWith("can_view_blog", "can_create_blog", "can_update_blog", "can_delete_blog", "can_publish_blog");
        }
        return editor;
    }

    /** Staff who may write but not view drafts. */
    protected String writerWithoutView() {
        if (outsider == null) {
            outsider = staffWith("can_create_blog", "can_update_blog");
        }
        return outsider;
    }

    /** Staff with no blog permission at all. */
    protected String staffWithoutBlog() {
        if (reader == null) {
            reader = staffWith();
        }
        return reader;
    }

    /** Sends {@code attempts} requests released at the same instant; answers them all. */
    protected static List<Http.Response> atOnce(int attempts, Supplier<Http.Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    protected static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    protected int createCategory(String title) {
        Http.Response r = http.post("/api/v1/blog/categories", Map.of("title", title, "description", "d"), Options.bearer(editor()));
        if (r.status() != 200) {
            throw new AssertionError("category creation failed: " + r.body());
        }
        return r.at("/data/id").asInt();
    }

    protected Multipart postForm(String title, int categoryId) {
        return Multipart.form()
                .field("author_name", "Awa Diop")
                .field("title", title)
                .file("cover_image", "cover.png", "image/png", PNG)
                .field("category_id", String.valueOf(categoryId));
    }

    protected Http.Response createPost(Multipart form) {
        return http.post("/api/v1/blog/posts", form, Options.bearer(editor()));
    }

    /** A draft; answers its JSON {@code data}. */
    protected Http.Response draft(String title, int categoryId) {
        Http.Response r = createPost(postForm(title, categoryId));
        if (r.status() != 200) {
            throw new AssertionError("post creation failed: " + r.body());
        }
        return r;
    }

    protected int publishedPost(String title, int categoryId) {
        int id = draft(title, categoryId).at("/data/id").asInt();
        Http.Response r = http.post("/api/v1/blog/posts/" + id + "/publish", Map.of(), Options.bearer(editor()));
        if (r.status() != 200) {
            throw new AssertionError("publish failed: " + r.body());
        }
        return id;
    }
}

package org.lafaom.platform.blog;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lafaom.platform.shared.ApiException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.util.WebUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The multipart (or url-encoded) form of the post and section routes, read field by field so that
 * every problem is a 422 naming the form field, as FastAPI's form parsing did.
 */
final class BlogForm {

    static final int MAX_TAGS = 30;
    static final int MAX_TAG_LENGTH = 60;

    private final HttpServletRequest request;
    private final MultipartRequest files;
    private final ObjectMapper mapper;

    private BlogForm(HttpServletRequest request, MultipartRequest files, ObjectMapper mapper) {
        this.request = request;
        this.files = files;
        this.mapper = mapper;
    }

    /** Multipart as the admin app sends it; a url-encoded form (no files) is read the same way. */
    static BlogForm of(HttpServletRequest request, ObjectMapper mapper) {
        return new BlogForm(request, WebUtils.getNativeRequest(request, MultipartRequest.class), mapper);
    }

    /** The field's text, or null when it is absent or blank (the clients send "" for "unchanged"). */
    String text(String name, int maxLength, boolean required) {
        String value = BlogInputs.blankToNull(request.getParameter(name));
        if (value != null && value.length() > maxLength) {
            throw ApiException.validation("body", name, "String should have at most " + maxLength + " characters");
        }
        return present(name, value, required);
    }

    Integer integer(String name, boolean required) {
        String value = text(name, 20, required);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation("body", name, "Input should be a valid integer");
        }
    }

    /** The uploaded file, or null when the field is absent, empty, or text (the admin app re-sends the URL). */
    MultipartFile file(String name, boolean required) {
        MultipartFile file = files == null ? null : files.getFile(name);
        if (file != null && file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
            file = null;
        }
        return present(name, file, required);
    }

    private static <T> T present(String name, T value, boolean required) {
        if (value == null && required) {
            throw ApiException.validation("body", name, "Field required");
        }
        return value;
    }

    /**
     * Tags, or null when the form has none. The admin app sends one field holding a JSON array
     * string ({@code tags=["a","b"]}); a repeated field ({@code tags=a&tags=b}) works too. Tags are
     * trimmed, blank ones dropped, repeats (ignoring case) kept once.
     */
    List<String> tags() {
        List<String> raw = new ArrayList<>();
        for (String name : List.of("tags", "tags[]")) {
            String[] values = request.getParameterValues(name);
            if (values != null) {
                raw.addAll(List.of(values));
            }
        }
        if (raw.isEmpty()) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String value : raw) {
            for (String tag : value.strip().startsWith("[") ? jsonTags(value) : List.of(value)) {
                String t = tag.strip();
                if (t.length() > MAX_TAG_LENGTH) {
                    throw ApiException.validation("body", "tags", "A tag has at most " + MAX_TAG_LENGTH + " characters");
                }
                if (!t.isEmpty() && seen.add(t.toLowerCase(Locale.ROOT))) {
                    tags.add(t);
                }
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw ApiException.validation("body", "tags", "At most " + MAX_TAGS + " tags");
        }
        return tags;
    }

    private List<String> jsonTags(String value) {
        JsonNode node;
        try {
            node = mapper.readTree(value);
        } catch (JacksonException e) {
            throw ApiException.validation("body", "tags", "tags must be a JSON array of strings");
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isString() && !element.isNumber()) {
                throw ApiException.validation("body", "tags", "tags must be a JSON array of strings");
            }
            tags.add(element.asString());
        }
        return tags;
    }
}

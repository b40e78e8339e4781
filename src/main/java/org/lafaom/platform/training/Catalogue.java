package org.lafaom.platform.training;

import java.util.List;
import java.util.function.Supplier;
import org.lafaom.platform.cache.SharedCache;
import org.lafaom.platform.shared.PageRequest;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * Public catalogue reads through the shared cache. Every write of this module calls
 * {@link #changed()}, which drops every cached list and detail at once: writes are rare, reads
 * are the public site's traffic, and one group keeps eviction simple and complete.
 */
@Component
class Catalogue {

    static final String GROUP = "catalogue";

    private final SharedCache cache;

    Catalogue(SharedCache cache) {
        this.cache = cache;
    }

    <T> T read(String key, TypeReference<T> type, Supplier<T> loader) {
        return cache.get(GROUP, key, type, loader);
    }

    void changed() {
        cache.evict(GROUP);
    }

    /** A cache key naming every input of a list query, so different filters never share an entry. */
    static String key(String what, PageRequest page, Object... filters) {
        StringBuilder key = new StringBuilder(what).append('|').append(page.page()).append('|').append(page.pageSize())
                .append('|').append(page.orderBy()).append('|').append(page.ascending());
        for (Object filter : filters) {
            key.append('|').append(filter == null ? "" : filter.toString().replace("|", "||"));
        }
        return key.toString();
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}

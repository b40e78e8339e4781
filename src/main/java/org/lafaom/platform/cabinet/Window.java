package org.lafaom.platform.cabinet;

import org.lafaom.platform.shared.ApiException;

/** The old backend's {@code skip}/{@code limit} list window (defaults 0 and 100), with a cap on {@code limit}. */
record Window(int skip, int limit) {

    static final int MAX_LIMIT = 1000;

    static Window of(Integer skip, Integer limit) {
        int s = skip == null ? 0 : skip;
        int l = limit == null ? 100 : limit;
        if (s < 0) {
            throw ApiException.validation("query", "skip", "skip must be greater than or equal to 0");
        }
        if (l < 1 || l > MAX_LIMIT) {
            throw ApiException.validation("query", "limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return new Window(s, l);
    }
}

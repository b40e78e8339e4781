package org.lafaom.platform.shared;

import java.util.Set;

/**
 * Page, size and ordering of a list request, checked at the edge. Unknown query keys are ignored by
 * the callers (the admin app sends {@code _t} and nested {@code params[...]} keys).
 */
public record PageRequest(int page, int pageSize, String orderBy, boolean ascending) {

    public static final int MAX_PAGE_SIZE = 100;

    public static PageRequest of(
            Integer page, Integer pageSize, String orderBy, String asc, Set<String> allowedOrder, String defaultOrder) {
        return of(page, pageSize, orderBy, asc, allowedOrder, defaultOrder, "asc");
    }

    public static PageRequest of(
            Integer page,
            Integer pageSize,
            String orderBy,
            String asc,
            Set<String> allowedOrder,
            String defaultOrder,
            String defaultDirection) {
        return of(page, pageSize, orderBy, asc, allowedOrder, defaultOrder, defaultDirection, MAX_PAGE_SIZE);
    }

    /** As above, for the few lists a client is known to load whole with a larger page (up to {@code maxPageSize}). */
    public static PageRequest of(
            Integer page,
            Integer pageSize,
            String orderBy,
            String asc,
            Set<String> allowedOrder,
            String defaultOrder,
            String defaultDirection,
            int maxPageSize) {
        int p = page == null ? 1 : page;
        int size = pageSize == null ? 20 : pageSize;
        if (p < 1) {
            throw ApiException.validation("query", "page", "page must be greater than or equal to 1");
        }
        if (size < 1 || size > maxPageSize) {
            throw ApiException.validation("query", "page_size", "page_size must be between 1 and " + maxPageSize);
        }
        String order = orderBy == null || orderBy.isBlank() ? defaultOrder : orderBy;
        if (!allowedOrder.contains(order)) {
            throw ApiException.validation(
                    "query", "order_by", "order_by must be one of " + String.join(", ", allowedOrder.stream().sorted().toList()));
        }
        String direction = asc == null || asc.isBlank() ? defaultDirection : asc;
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ApiException.validation("query", "asc", "asc must be 'asc' or 'desc'");
        }
        return new PageRequest(p, size, order, direction.equals("asc"));
    }

    public int offset() {
        return (page - 1) * pageSize;
    }

    /** SQL fragment for ORDER BY; {@code orderBy} is already restricted to an allow-list. */
    public String orderClause(String tableAlias) {
        return tableAlias + "." + orderBy + (ascending ? " ASC" : " DESC") + ", " + tableAlias + ".id ASC";
    }
}

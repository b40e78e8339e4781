package org.lafaom.platform.shared;

import java.util.List;

/** The contract's page shape: {@code {"data": [...], "page": 1, "number": 20, "total_number": 137}}. */
public record PageResponse<T>(List<T> data, int page, int number, long totalNumber) {

    public static <T> PageResponse<T> of(List<T> data, PageRequest request, long total) {
        return new PageResponse<>(data, request.page(), data.size(), total);
    }
}

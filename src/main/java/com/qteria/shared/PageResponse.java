package com.qteria.shared;

import java.util.List;

/** The list envelope of API.md: {@code {"items": [...], "page": {number, size, total_items, total_pages}}}. */
public record PageResponse<T>(List<T> items, PageInfo page) {

    public record PageInfo(int number, int size, long totalItems, int totalPages) {
    }

    public static <T> PageResponse<T> of(List<T> items, Paging paging, long totalItems) {
        int pages = (int) ((totalItems + paging.size() - 1) / paging.size());
        return new PageResponse<>(items, new PageInfo(paging.number(), paging.size(), totalItems, pages));
    }

    /** Lists that are never long (versions, tokens, one upload) come whole, as their one page. */
    public static <T> PageResponse<T> all(List<T> items) {
        return of(items, new Paging(0, Math.max(1, items.size())), items.size());
    }
}

package com.qteria.platform.web;

import com.qteria.shared.PageResponse;
import com.qteria.shared.Paging;
import org.springframework.ui.Model;

/** What every searchable list page does alike: read its search text and page, and put one page of items into the model. */
public final class ListPages {

    private ListPages() {
    }

    /**
     * What a list page is asked for, bound from {@code ?q=} (the search text: trimmed, empty when absent) and
     * {@code ?page=} (from 0; a negative one is the first).
     */
    public record Query(String q, Integer page) {

        public Query {
            q = q == null ? "" : q.strip();
            page = page == null ? 0 : Math.max(0, page);
        }

        public Paging paging(int size) {
            return Paging.of(page, size);
        }
    }

    /** Puts the page's items under {@code name}, its paging under {@code page} and the search text under {@code q}. */
    public static <T> PageResponse<T> show(Model model, String name, Query query, PageResponse<T> found) {
        model.addAttribute(name, found.items());
        model.addAttribute("page", found.page());
        model.addAttribute("q", query.q());
        return found;
    }
}

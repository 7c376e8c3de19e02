package com.qteria.platform.web;

import com.qteria.shared.PageResponse;
import org.springframework.ui.Model;

/** What every searchable list page does alike: read its search text and put one page of items into the model. */
public final class ListPages {

    private ListPages() {
    }

    /** The search text of {@code ?q=}: trimmed, empty when absent. */
    public static String query(String q) {
        return q == null ? "" : q.trim();
    }

    /** Puts the page's items under {@code name}, its paging under {@code page} and the search text under {@code q}. */
    public static <T> PageResponse<T> show(Model model, String name, String query, PageResponse<T> found) {
        model.addAttribute(name, found.items());
        model.addAttribute("page", found.page());
        model.addAttribute("q", query);
        return found;
    }
}

package com.qteria.evaluation;

import java.util.List;
import java.util.UUID;

/** The pages of one document that were sent to the model, when not all of them were. */
public record PagesSent(UUID documentId, List<Integer> pages) {

    public PagesSent {
        pages = List.copyOf(pages);
    }
}

package com.qteria.document;

import java.util.List;
import org.springframework.core.io.support.ResourceRegion;
import org.springframework.http.HttpRange;

/** What a request for a document's original bytes is answered with: the content to send, or nothing (416). */
public sealed interface DocumentBytes {

    /**
     * The whole file ({@code regions} empty: no Range header) or the parts a Range header asked for. Spring MVC
     * answers the Range itself from the resource, with the same parsing, so it accepts exactly what was accepted here.
     */
    record Served(DocumentContent content, List<ResourceRegion> regions) implements DocumentBytes {

        /** Whether the response starts the file: a download, or a viewer opening it. */
        boolean includesFirstByte() {
            return regions.isEmpty() || regions.stream().anyMatch(region -> region.getPosition() == 0);
        }
    }

    /**
     * A Range that cannot be served: malformed, starting past the end, more than 100 ranges, or several ranges that
     * together are the whole file or more. Answered 416 with {@code Content-Range: bytes *&#47;size} and no body.
     */
    record Unsatisfiable(long sizeBytes) implements DocumentBytes {
    }

    /** {@code range}: the request's Range header, null when it has none. */
    static DocumentBytes of(DocumentContent content, String range) {
        if (range == null) {
            return new Served(content, List.of());
        }
        try {
            return new Served(content, HttpRange.toResourceRegions(HttpRange.parseRanges(range), content.resource()));
        } catch (IllegalArgumentException unsatisfiable) {
            return new Unsatisfiable(content.sizeBytes());
        }
    }
}

package com.qteria.evaluation;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A document as the evaluation reads it.
 *
 * @param bucket     the bucket key it was uploaded into
 * @param pages      page {@code i + 1} is {@code pages.get(i)}, exactly the stored text (quotes and offsets refer to it)
 * @param signatures its digital signatures (empty when none)
 */
public record EvaluatedDocument(UUID id, String name, String bucket, List<String> pages,
        List<SignatureFact> signatures) {

    public EvaluatedDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bucket, "bucket");
        pages = pages.stream().map(page -> page == null ? "" : page).toList();
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }

    /** The stored text of page {@code number} (1-based). */
    public String page(int number) {
        return pages.get(number - 1);
    }
}

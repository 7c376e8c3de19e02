package com.qteria.evaluation;

import java.util.List;
import java.util.UUID;

/** A document given to an assessment in one of its workflow's buckets: read, or rejected as unreadable. */
public sealed interface AssessedDocument {

    UUID id();

    String name();

    /** The bucket key it was given for. */
    String bucket();

    /**
     * A document whose text was read.
     *
     * @param unreadPages 1-based numbers of pages whose content could not be read (no text layer, no OCR): empty
     *                    text that must not count as "the phrase is absent"
     */
    record Read(EvaluatedDocument document, List<Integer> unreadPages) implements AssessedDocument {

        public Read {
            unreadPages = List.copyOf(unreadPages);
        }

        public Read(EvaluatedDocument document) {
            this(document, List.of());
        }

        @Override
        public UUID id() {
            return document.id();
        }

        @Override
        public String name() {
            return document.name();
        }

        @Override
        public String bucket() {
            return document.bucket();
        }
    }

    /** A document that could not be read at all; {@code reason} is a plain sentence for the handler. */
    record Rejected(UUID id, String name, String bucket, String reason) implements AssessedDocument {
    }
}

package com.qteria.document.extraction;

import java.util.List;

/** How an extraction ended: every page was delivered to the sink, or the file was refused with a reason. */
public sealed interface ExtractionOutcome {

    /**
     * All {@code pages} pages were delivered to the sink.
     *
     * @param signatures digital signatures found in the file (empty for none and for DOCX)
     * @param warnings   plain sentences for the handler about what may be missing (damaged file repaired, pages
     *                   without text layer, …); empty when nothing is
     */
    record Extracted(int pages, List<DocumentSignature> signatures, List<String> warnings)
            implements ExtractionOutcome {

        public Extracted {
            signatures = List.copyOf(signatures);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The file could not be read, or exceeded a limit. {@code reason} is a short plain sentence for the handler.
     * Pages already delivered to the sink before a rejection (e.g. a timeout on page 300) must be discarded.
     */
    record Rejected(Cause cause, String reason) implements ExtractionOutcome {
    }

    /**
     * Why a file was refused, in a few kinds that operators count ({@code qteria_documents_rejected_total{reason}}):
     * the reason itself is a sentence for the handler.
     */
    enum Cause {
        /** Password-protected. */
        ENCRYPTED,
        /** Damaged, empty or built so that it cannot be read safely. */
        UNREADABLE,
        /** Beyond a limit: pages, text, unpacked size, memory. */
        TOO_LARGE,
        /** Reading took longer than the extraction timeout. */
        TIMEOUT,
        /** The stored file failed its integrity check (it was changed in storage). */
        INTEGRITY,
        /** Qteria failed, not the file. */
        INTERNAL;

        /** The label value: lower case. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

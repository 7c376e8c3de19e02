package com.qteria.document;

import java.util.List;

/** A document read straight from a file by {@link LocalDocuments}: its pages as the evaluators read them, or why not. */
public sealed interface LocalDocument {

    /** The file name, without its directory. */
    String name();

    /**
     * Every page was read.
     *
     * @param pages       page {@code i + 1} is {@code pages.get(i)}, exactly as the server stores it
     * @param unreadPages 1-based numbers of pages without a text layer that OCR could not read (their text is empty)
     * @param warnings    plain sentences about what may be missing (damaged file repaired, pages without text, …)
     */
    record Read(String name, DocumentType type, List<String> pages, List<Integer> unreadPages,
            List<Signature> signatures, List<String> warnings) implements LocalDocument {

        public Read {
            pages = List.copyOf(pages);
            unreadPages = List.copyOf(unreadPages);
            signatures = List.copyOf(signatures);
            warnings = List.copyOf(warnings);
        }
    }

    /** The file is not a PDF or Word document, or could not be read; {@code reason} is a plain sentence. */
    record Rejected(String name, String reason) implements LocalDocument {
    }
}

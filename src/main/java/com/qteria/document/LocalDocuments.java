package com.qteria.document;

import com.qteria.document.extraction.DocumentExtractor;
import com.qteria.document.extraction.DocumentSignature;
import com.qteria.document.extraction.ExtractionLimits;
import com.qteria.document.extraction.ExtractionOutcome;
import com.qteria.document.extraction.QuietLogging;
import com.qteria.document.extraction.ocr.Ocr;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads PDF and Word files from the local file system exactly as the server reads uploads (same extractor, same
 * limits), without storage, database or Spring: for command-line tools such as {@code assess}.
 */
public final class LocalDocuments {

    private final DocumentExtractor extractor;

    private LocalDocuments(Ocr ocr) {
        this.extractor = new DocumentExtractor(ExtractionLimits.defaults(), ocr);
    }

    /**
     * For a command: sends library logging quietly to stderr (call it before anything logs, so standard output stays
     * the command's own) and uses OCR when Tesseract is installed.
     */
    public static LocalDocuments forCommandLine() {
        QuietLogging.apply();
        return new LocalDocuments(Ocr.detect());
    }

    /** Without OCR: pages without a text layer stay unread. */
    public static LocalDocuments withoutOcr() {
        return new LocalDocuments(Ocr.unavailable());
    }

    /**
     * Recognises the file by its content and reads it; never throws for a bad document, which comes back
     * {@link LocalDocument.Rejected} with the reason the server would give.
     *
     * @throws IOException when the file is missing or cannot be read from disk
     */
    public LocalDocument read(Path file) throws IOException {
        String name = file.getFileName().toString();
        Optional<DocumentType> type = DocumentType.detect(file);
        if (type.isEmpty()) {
            return new LocalDocument.Rejected(name, DocumentType.unrecognised(file));
        }
        List<String> pages = new ArrayList<>();
        List<Integer> unread = new ArrayList<>();
        ExtractionOutcome outcome = extractor.extract(file, type.get(), page -> {
            pages.add(page.text());
            if (page.needsOcr()) {
                unread.add(page.number());
            }
        });
        return switch (outcome) {
            case ExtractionOutcome.Extracted extracted -> new LocalDocument.Read(name, type.get(), pages, unread,
                    extracted.signatures().stream().map(DocumentSignature::toSignature).toList(), extracted.warnings());
            case ExtractionOutcome.Rejected rejected -> new LocalDocument.Rejected(name, rejected.reason());
        };
    }
}

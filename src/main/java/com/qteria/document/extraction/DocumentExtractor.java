package com.qteria.document.extraction;

import com.qteria.document.DocumentType;
import com.qteria.document.extraction.ExtractionOutcome.Cause;
import com.qteria.document.extraction.ExtractionOutcome.Rejected;
import com.qteria.document.extraction.docx.DocxExtraction;
import com.qteria.document.extraction.ocr.Ocr;
import com.qteria.document.extraction.pdf.PdfExtraction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads the text of an uploaded PDF or Word document, page by page, as the evaluators see it. Plain Java (no
 * Spring), safe to share between threads (each call has its own state). See docs/extraction.md.
 */
public final class DocumentExtractor {

    /** What to do about a document too big to read: the end of every such rejection reason. */
    public static final String SPLIT = " Split it into smaller files and upload those.";
    public static final String TOO_MUCH_MEMORY = "The document needs more memory to read than this server allows."
            + SPLIT;

    private final ExtractionLimits limits;
    private final Ocr ocr;

    public ExtractionLimits limits() {
        return limits;
    }

    public DocumentExtractor(ExtractionLimits limits, Ocr ocr) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ocr = Objects.requireNonNull(ocr, "ocr");
    }

    /**
     * Streams pages to the sink in order as they are extracted (never all pages' positions in memory); never throws
     * for a bad file: returns {@link Rejected} with a plain-language reason. Enforces the limits itself (the deadline
     * is checked while PDFBox processes content-stream operators and between pages; OCR processes are killed at the
     * deadline; the text caps sit between the format and the sink, see {@link TextCaps}). A rejection can come after
     * some pages were delivered (a timeout on page 300, too much text): discard them.
     *
     * @throws IOException only when the sink fails or the file cannot be read from disk
     */
    public ExtractionOutcome extract(Path file, DocumentType type, PageSink sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        try (var channel = Files.newByteChannel(file)) {
            // Fails here, with an IOException, when the file itself is missing or unreadable.
        }
        Deadline deadline = Deadline.after(limits.timeout());
        TextCaps capped = new TextCaps(limits, sink);
        try {
            return capped.warn(switch (type) {
                case PDF -> new PdfExtraction(file, limits, ocr, deadline, capped).run();
                case DOCX -> new DocxExtraction(file, limits, deadline, capped).run();
            });
        } catch (TextCaps.TooMuchText e) {
            return new Rejected(Cause.TOO_LARGE, e.getMessage());
        } catch (ExtractionTimedOut e) {
            return new Rejected(Cause.TIMEOUT, deadline.reason());
        } catch (OutOfMemoryError e) {
            return new Rejected(Cause.TOO_LARGE, TOO_MUCH_MEMORY);
        }
    }

    @Override
    public String toString() {
        return "DocumentExtractor[" + limits + ", " + ocr + "]";
    }
}

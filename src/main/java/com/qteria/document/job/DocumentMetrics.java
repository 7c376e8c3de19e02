package com.qteria.document.job;

import com.qteria.document.extraction.ExtractionOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What reading documents does, for operators (docs/operations.md): documents read
 * ({@code qteria_documents_read_total}), refused by reason ({@code qteria_documents_rejected_total{reason}}: the
 * {@link ExtractionOutcome.Cause}s in lower case, and {@code unsupported} for an upload that is no PDF or Word file),
 * how long an extraction took ({@code qteria_extraction_duration_seconds}), pages read
 * ({@code qteria_extraction_pages_total}) and pages recognised by OCR ({@code qteria_extraction_ocr_pages_total}).
 * Every reason is registered at start, so that each series exists before its first document.
 */
@Component
public class DocumentMetrics {

    static final String UNSUPPORTED = "unsupported";

    private final Counter read;
    private final Map<String, Counter> rejected = new HashMap<>();
    private final Timer extraction;
    private final Counter pages;
    private final Counter ocrPages;

    DocumentMetrics(MeterRegistry meters) {
        this.read = Counter.builder("qteria.documents.read").description("Documents read and ready").register(meters);
        for (ExtractionOutcome.Cause cause : ExtractionOutcome.Cause.values()) {
            rejected.put(cause.label(), rejectedCounter(meters, cause.label()));
        }
        rejected.put(UNSUPPORTED, rejectedCounter(meters, UNSUPPORTED));
        this.extraction = Timer.builder("qteria.extraction.duration")
                .description("Reading one document: decrypting, extracting and storing its pages")
                .serviceLevelObjectives(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
                        Duration.ofSeconds(120), Duration.ofSeconds(300))
                .register(meters);
        this.pages = Counter.builder("qteria.extraction.pages").description("Pages of documents read").register(meters);
        this.ocrPages = Counter.builder("qteria.extraction.ocr.pages").description("Pages recognised by OCR")
                .register(meters);
    }

    private static Counter rejectedCounter(MeterRegistry meters, String reason) {
        return Counter.builder("qteria.documents.rejected").description("Documents refused, by reason")
                .tag("reason", reason).register(meters);
    }

    /** A document was read: {@code pageCount} pages, in {@code took}. */
    void read(int pageCount, Duration took) {
        read.increment();
        pages.increment(pageCount);
        extraction.record(took);
    }

    /** A document was refused for {@code cause}; {@code took} is null when it was not read (a job given up). */
    void rejected(ExtractionOutcome.Cause cause, Duration took) {
        rejected.get(cause.label()).increment();
        if (took != null) {
            extraction.record(took);
        }
    }

    /** An upload was refused: it is no PDF and no Word file. */
    public void unsupported() {
        rejected.get(UNSUPPORTED).increment();
    }

    /** One page's text was recognised by OCR. */
    void ocrPage() {
        ocrPages.increment();
    }
}

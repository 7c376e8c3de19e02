package com.qteria.document.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.document.DocumentType;
import com.qteria.document.extraction.ocr.Ocr;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs an extraction in a test and keeps what came out. */
public record Extractions(ExtractionOutcome outcome, List<ExtractedPage> pages) {

    public static Extractions of(Path file, DocumentType type, ExtractionLimits limits, Ocr ocr) throws IOException {
        List<ExtractedPage> pages = new ArrayList<>();
        ExtractionOutcome outcome = new DocumentExtractor(limits, ocr).extract(file, type, pages::add);
        return new Extractions(outcome, pages);
    }

    public static Extractions pdf(Path file) throws IOException {
        return of(file, DocumentType.PDF, ExtractionLimits.defaults(), Ocr.unavailable());
    }

    public ExtractionOutcome.Extracted extracted() {
        assertThat(outcome).isInstanceOf(ExtractionOutcome.Extracted.class);
        return (ExtractionOutcome.Extracted) outcome;
    }

    public String rejection() {
        assertThat(outcome).isInstanceOf(ExtractionOutcome.Rejected.class);
        return ((ExtractionOutcome.Rejected) outcome).reason();
    }

    public String text(int number) {
        return pages.get(number - 1).text();
    }
}

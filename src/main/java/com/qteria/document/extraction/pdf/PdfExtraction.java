package com.qteria.document.extraction.pdf;

import static com.qteria.document.extraction.pdf.ExtractionWarnings.PageIssue.DRAWS_ITSELF;
import static com.qteria.document.extraction.pdf.ExtractionWarnings.PageIssue.GARBLED;
import static com.qteria.document.extraction.pdf.ExtractionWarnings.PageIssue.GARBLED_READ_WITH_OCR;
import static com.qteria.document.extraction.pdf.ExtractionWarnings.PageIssue.INCOMPLETE;
import static com.qteria.document.extraction.pdf.ExtractionWarnings.PageIssue.NO_TEXT_LAYER;
import static com.qteria.document.extraction.pdf.ExtractionWarnings.PageIssue.OCR_FAILED;
import static com.qteria.document.extraction.pdf.ExtractionWarnings.PageIssue.OVERSIZED_IMAGES;
import static com.qteria.document.extraction.pdf.ExtractionWarnings.PageIssue.READ_WITH_OCR;
import static com.qteria.document.extraction.pdf.ExtractionWarnings.PageIssue.TOO_COMPLEX;
import static com.qteria.document.extraction.pdf.ExtractionWarnings.PageIssue.TOO_LARGE_FOR_OCR;
import static com.qteria.document.extraction.pdf.ExtractionWarnings.PageIssue.TRUNCATED;
import static com.qteria.document.extraction.pdf.ExtractionWarnings.PageIssue.UNDECODABLE_IMAGES;

import com.qteria.document.extraction.Deadline;
import com.qteria.document.extraction.DocumentExtractor;
import com.qteria.document.extraction.DocumentSignature;
import com.qteria.document.extraction.ExtractedPage;
import com.qteria.document.extraction.ExtractionLimits;
import com.qteria.document.extraction.ExtractionOutcome.Cause;
import com.qteria.document.extraction.ExtractionOutcome.Extracted;
import com.qteria.document.extraction.ExtractionOutcome.Rejected;
import com.qteria.document.extraction.ExtractionOutcome;
import com.qteria.document.extraction.ExtractionTimedOut;
import com.qteria.document.extraction.PageSink;
import com.qteria.document.extraction.PageText;
import com.qteria.document.extraction.PageTextBuilder;
import com.qteria.document.extraction.ocr.Ocr;
import com.qteria.document.extraction.signature.CmsSignatureVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * One run over one PDF: open it (temp-file buffering, so memory stays bounded however large the file), check the
 * page count against the limit, verify signatures, then read page after page and hand each to the sink.
 * <p>
 * A page is OCR'd when its text layer is missing (fewer than {@value #NEGLIGIBLE_TEXT} visible characters, or a
 * page-filling image with little text: a scan with a stamp) and it draws images or many paths, or when its text
 * layer is garbled. Problems of a single page become warnings; only an unreadable file, a password, no pages, too
 * many pages, the deadline or the {@link ContentBudget} of the document reject it. PDFBox's own log output is capped
 * meanwhile ({@link PdfBoxLogBudget}).
 */
public final class PdfExtraction {

    static final String PASSWORD_PROTECTED = "It is password-protected. Upload an unprotected copy.";
    static final String DAMAGED = "The file is damaged and cannot be read as a PDF. Export or scan it "
            + "again and upload the new copy.";
    static final String NO_PAGES = "The document has no pages. Upload a copy that has content.";
    static final String REPAIRED = "The file was damaged and has been repaired; some text may be missing.";
    static final String NO_TEXT = "The document contains no text: its pages are blank or show only graphics.";
    static final String TOO_MUCH_CONTENT = String.format(Locale.ROOT, "The document has more content than Qteria "
            + "reads (over %,d drawing operations).", ContentBudget.MAX_OPERATORS_PER_DOCUMENT) + DocumentExtractor.SPLIT;
    private static final int NEGLIGIBLE_TEXT = 16;
    private static final int SCAN_STAMP_TEXT = 120;
    private static final float SCAN_COVERAGE = 0.6f;

    private final Path file;
    private final ExtractionLimits limits;
    private final Ocr ocr;
    private final Deadline deadline;
    private final PageSink sink;
    private final ExtractionWarnings warnings = new ExtractionWarnings();

    public PdfExtraction(Path file, ExtractionLimits limits, Ocr ocr, Deadline deadline, PageSink sink) {
        this.file = file;
        this.limits = limits;
        this.ocr = ocr;
        this.deadline = deadline;
        this.sink = sink;
    }

    public ExtractionOutcome run() throws IOException {
        try (PdfBoxLogBudget.Scope logs = PdfBoxLogBudget.open()) {
            return open();
        } catch (ContentBudget.DocumentExceeded e) {
            return new Rejected(Cause.TOO_LARGE, TOO_MUCH_CONTENT);
        }
    }

    private ExtractionOutcome open() throws IOException {
        boolean intact = CrossReferenceCheck.intact(file);
        try (RandomAccessRead source = new RandomAccessReadBufferedFile(file)) {
            PDDocument document;
            try {
                document = AttachmentTolerantParser.open(source);
            } catch (InvalidPasswordException e) {
                return new Rejected(Cause.ENCRYPTED, PASSWORD_PROTECTED);
            } catch (IOException | RuntimeException | StackOverflowError e) {
                return new Rejected(Cause.UNREADABLE, DAMAGED);
            }
            if (!intact) {
                warnings.document(REPAIRED);
            }
            try (document) {
                return read(document);
            }
        }
    }

    private ExtractionOutcome read(PDDocument document) throws IOException {
        int pages;
        try {
            PageTree.check(document, deadline, warnings);
            pages = countPages(document);
        } catch (ExtractionTimedOut e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            return new Rejected(Cause.UNREADABLE, DAMAGED);
        }
        if (pages == 0) {
            return new Rejected(Cause.UNREADABLE, NO_PAGES);
        }
        if (pages > limits.maxPages()) {
            return new Rejected(Cause.TOO_LARGE, String.format(Locale.ROOT,
                    "The document has %,d pages and Qteria reads at most %,d."
                    + " Split it into smaller files and upload those.", pages,
                    limits.maxPages()));
        }
        List<DocumentSignature> signatures = signed(document) ? CmsSignatureVerifier.verifyAll(document, file) : List.of();
        DocumentFeatures.note(document, warnings);
        ContentBudget budget = new ContentBudget(deadline);
        TextLayerReader reader = new TextLayerReader(budget);
        PageRenderer renderer = new PageRenderer(document, budget);
        Iterator<PDPage> iterator = document.getPages().iterator();
        boolean anyText = false;
        boolean anyUnread = false;
        for (int number = 1; number <= pages; number++) {
            deadline.check();
            PDPage page = next(iterator);
            ExtractedPage extracted;
            if (page == null) {
                warnings.page(INCOMPLETE, number);
                extracted = PageText.EMPTY.page(number, false, true);
            } else {
                extracted = readPage(reader, renderer, page, number);
            }
            anyText |= !extracted.text().isBlank();
            anyUnread |= extracted.needsOcr();
            sink.accept(extracted);
        }
        if (!anyText && !anyUnread) {
            warnings.document(NO_TEXT);
        }
        return new Extracted(pages, signatures, warnings.sentences());
    }

    private ExtractedPage readPage(TextLayerReader reader, PageRenderer renderer, PDPage page, int number) {
        TextLayer layer = reader.read(page);
        if (layer.aborted()) {
            warnings.page(INCOMPLETE, number);
        }
        if (layer.truncated()) {
            warnings.page(TRUNCATED, number);
        }
        if (layer.work().recursive()) {
            warnings.page(DRAWS_ITSELF, number);
        }
        if (layer.work().tooComplex()) {
            warnings.page(TOO_COMPLEX, number);
        }
        PageText text = text(layer.glyphs());
        boolean garbled = TextQuality.garbled(text.text());
        int visible = text.visibleCharacters();
        boolean scanned = layer.hasGraphics() && (visible < NEGLIGIBLE_TEXT
                || layer.imageCoverage() >= SCAN_COVERAGE && visible < SCAN_STAMP_TEXT);
        if (!garbled && !scanned) {
            return text.page(number, false, false);
        }
        if (layer.work().oversizedImages()) {
            warnings.page(OVERSIZED_IMAGES, number); // not decoded, with OCR or without
        }
        if (!ocr.available()) {
            warnings.page(garbled ? GARBLED : NO_TEXT_LAYER, number);
            return text.page(number, false, true);
        }
        return recognise(renderer, page, number, text, garbled);
    }

    private ExtractedPage recognise(PageRenderer renderer, PDPage page, int number, PageText layerText,
                                    boolean garbled) {
        float dpi;
        try {
            dpi = PageRenderer.dpi(page);
        } catch (RuntimeException e) {
            dpi = 0;
        }
        if (dpi == 0) {
            warnings.page(TOO_LARGE_FOR_OCR, number);
            return layerText.page(number, false, true);
        }
        try {
            PageRenderer.Rendering rendering = renderer.render(number - 1, dpi);
            PageText recognised = ocr.recognise(rendering.image(), dpi, deadline);
            boolean found = recognised.visibleCharacters() > 0;
            if (rendering.missingImages()) {
                warnings.page(UNDECODABLE_IMAGES, number);
            }
            if (rendering.oversizedImages()) {
                warnings.page(OVERSIZED_IMAGES, number);
            }
            if ((rendering.missingImages() || rendering.oversizedImages()) && !found) {
                return layerText.page(number, false, true);
            }
            warnings.page(garbled ? GARBLED_READ_WITH_OCR : READ_WITH_OCR, number);
            return (found ? recognised : layerText).page(number, true, false);
        } catch (ExtractionTimedOut | ContentBudget.DocumentExceeded e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            warnings.page(OCR_FAILED, number);
            return layerText.page(number, false, true);
        }
    }

    private static PageText text(List<Glyph> glyphs) {
        PageTextBuilder builder = new PageTextBuilder();
        ReadingOrder.write(glyphs, builder);
        return builder.build();
    }

    /** Checked first, so that unsigned documents never load BouncyCastle (a noticeable part of start-up). */
    private static boolean signed(PDDocument document) {
        try {
            return !document.getSignatureDictionaries().isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private int countPages(PDDocument document) {
        int count = 0;
        for (Iterator<PDPage> pages = document.getPages().iterator(); pages.hasNext(); pages.next()) {
            if ((++count & 0xFF) == 0) {
                deadline.check();
            }
        }
        return count;
    }

    private static PDPage next(Iterator<PDPage> iterator) {
        try {
            return iterator.hasNext() ? iterator.next() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}

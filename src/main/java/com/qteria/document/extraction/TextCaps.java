package com.qteria.document.extraction;

import com.qteria.document.WordBox;
import com.qteria.document.extraction.ExtractionOutcome.Extracted;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The caps on extracted text, in front of the sink of every extraction whatever the format, so that no document can
 * store or serve more text than they allow (a Word file of 200 MB of text was read as one page before). A page's text
 * beyond {@link ExtractionLimits#maxPageCharacters()} is cut off, with its word boxes, and one warning names every
 * page cut; past {@link ExtractionLimits#maxDocumentCharacters()} in all the extraction stops with {@link TooMuchText}
 * and the document is rejected: reading only the start of it could pass a criterion whose evidence is further on.
 */
final class TextCaps implements PageSink {

    private final PageSink sink;
    private final int maxPage;
    private final long maxDocument;
    private final SortedSet<Integer> cut = new TreeSet<>();
    private long characters;

    TextCaps(ExtractionLimits limits, PageSink sink) {
        this.sink = sink;
        this.maxPage = limits.maxPageCharacters();
        this.maxDocument = limits.maxDocumentCharacters();
    }

    @Override
    public void accept(ExtractedPage page) throws IOException {
        ExtractedPage capped = page.text().length() > maxPage ? cut(page) : page;
        characters += capped.text().length();
        if (characters > maxDocument) {
            throw new TooMuchText(String.format(Locale.ROOT, "The document has more than %,d characters of text, "
                    + "and Qteria reads at most %,d.", maxDocument, maxDocument) + DocumentExtractor.SPLIT);
        }
        sink.accept(capped);
    }

    /** The outcome, with the warning about the pages cut added to a successful one. */
    ExtractionOutcome warn(ExtractionOutcome outcome) {
        if (cut.isEmpty() || !(outcome instanceof Extracted extracted)) {
            return outcome;
        }
        List<String> warnings = new ArrayList<>(extracted.warnings());
        warnings.add(warning());
        return new Extracted(extracted.pages(), extracted.signatures(), warnings);
    }

    private ExtractedPage cut(ExtractedPage page) {
        cut.add(page.number());
        String text = page.text();
        int end = Character.isHighSurrogate(text.charAt(maxPage - 1)) ? maxPage - 1 : maxPage;
        String kept = text.substring(0, end).stripTrailing();
        List<WordBox> words = page.words().stream().filter(word -> word.end() <= kept.length()).toList();
        return new ExtractedPage(page.number(), kept, page.ocr(), page.needsOcr(), words);
    }

    private String warning() {
        String cap = String.format(Locale.ROOT, "%,d", maxPage);
        if (cut.size() == 1) {
            return "Page " + cut.first() + " has more than " + cap + " characters of text: only the first " + cap
                    + " were read.";
        }
        String pages = cut.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", "));
        return cut.size() + " pages have more than " + cap + " characters of text: only the first " + cap
                + " of each were read (pages " + pages + (cut.size() > 20 ? ", …" : "") + ").";
    }

    /** Thrown from the sink to stop an extraction whose text passed the document's cap; carries the reason. */
    static final class TooMuchText extends RuntimeException {

        TooMuchText(String reason) {
            super(reason, null, false, false);
        }
    }
}

package com.qteria.document.extraction.pdf;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Collects what went wrong where while a document is read, and words it for the handler: one sentence per kind of
 * problem, naming the pages, e.g. "3 pages have no text layer and OCR is not installed: their content was not
 * read (pages 2, 5, 7)."
 */
final class ExtractionWarnings {

    enum PageIssue { NO_TEXT_LAYER, READ_WITH_OCR, GARBLED_READ_WITH_OCR, OCR_FAILED, TOO_LARGE_FOR_OCR,
        UNDECODABLE_IMAGES, OVERSIZED_IMAGES, GARBLED, INCOMPLETE, TRUNCATED, DRAWS_ITSELF, TOO_COMPLEX }

    private final Map<PageIssue, SortedSet<Integer>> pages = new EnumMap<>(PageIssue.class);
    private final LinkedHashSet<String> document = new LinkedHashSet<>();

    void page(PageIssue issue, int number) {
        pages.computeIfAbsent(issue, i -> new TreeSet<>()).add(number);
    }

    void document(String sentence) {
        document.add(sentence);
    }

    List<String> sentences() {
        List<String> result = new ArrayList<>(document);
        pages.forEach((issue, numbers) -> result.add(sentence(issue, numbers)));
        return result;
    }

    private static String sentence(PageIssue issue, SortedSet<Integer> numbers) {
        Grammar g = new Grammar(numbers.size() == 1);
        String subject = g.one ? "Page " + numbers.first() : numbers.size() + " pages";
        String text = subject + " " + switch (issue) {
            case NO_TEXT_LAYER -> g.has() + " no text layer and OCR is not installed: " + g.its() + " content was not read";
            case READ_WITH_OCR -> g.has() + " no text layer and " + g.was() + " read with OCR; check quotes from "
                    + g.it() + " against the page image";
            case GARBLED_READ_WITH_OCR -> g.has() + " a garbled text layer (fonts without a usable character map) and "
                    + g.was() + " read with OCR instead; check quotes from " + g.it() + " against the page image";
            case OCR_FAILED -> g.has() + " no text layer and OCR failed: " + g.its() + " content was not read";
            case TOO_LARGE_FOR_OCR -> g.has() + " no text layer and " + g.is() + " too large to OCR: " + g.its()
                    + " content was not read";
            case UNDECODABLE_IMAGES -> g.has() + " images in a format that cannot be decoded (such as JBIG2 or "
                    + "JPEG 2000): text in those images was not read";
            case OVERSIZED_IMAGES -> g.has() + String.format(Locale.ROOT, " images too large to decode (over %,d "
                    + "megapixels, or %,d on one page): text in those images was not read",
                    ContentBudget.MAX_IMAGE_PIXELS / 1_000_000, ContentBudget.MAX_PAGE_IMAGE_PIXELS / 1_000_000);
            case GARBLED -> g.has() + " a text layer that looks garbled (fonts without a usable character map)";
            case INCOMPLETE -> g.has() + " damaged content: " + g.its() + " text may be incomplete";
            case TRUNCATED -> g.has() + " more text than can be read (over 100,000 characters): the rest was skipped";
            case DRAWS_ITSELF -> (g.one ? "draws itself recursively; its" : "draw themselves recursively; their")
                    + " repeated content was skipped";
            case TOO_COMPLEX -> g.has() + String.format(Locale.ROOT, " more content than can be read (over %,d "
                    + "drawing operations, %,d embedded forms or forms nested %d deep): the rest was skipped and "
                    + "%s text may be incomplete", ContentBudget.MAX_OPERATORS_PER_PAGE,
                    ContentBudget.MAX_FORMS_PER_PAGE, ContentBudget.MAX_FORM_DEPTH, g.its());
        };
        return g.one ? text + "." : text + " (pages " + list(numbers) + ").";
    }

    private static String list(SortedSet<Integer> numbers) {
        String shown = numbers.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", "));
        return numbers.size() > 20 ? shown + ", …" : shown;
    }

    private record Grammar(boolean one) {
        String has() {
            return one ? "has" : "have";
        }

        String is() {
            return one ? "is" : "are";
        }

        String was() {
            return one ? "was" : "were";
        }

        String its() {
            return one ? "its" : "their";
        }

        String it() {
            return one ? "it" : "them";
        }
    }
}

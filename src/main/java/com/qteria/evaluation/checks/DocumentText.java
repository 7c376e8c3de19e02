package com.qteria.evaluation.checks;

import com.qteria.evaluation.EvaluatedDocument;
import com.qteria.evaluation.Evidence;
import com.qteria.evaluation.text.Excerpt;
import com.qteria.evaluation.text.NormalizedText;
import com.qteria.evaluation.text.NormalizedText.Form;
import com.qteria.evaluation.text.Span;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** A routed document with its pages normalised on demand, each form once. */
public final class DocumentText {

    private final EvaluatedDocument document;
    private final Map<Form, NormalizedText[]> pages = new EnumMap<>(Form.class);

    public DocumentText(EvaluatedDocument document) {
        this.document = document;
    }

    public EvaluatedDocument document() {
        return document;
    }

    public String name() {
        return document.name();
    }

    public int pageCount() {
        return document.pages().size();
    }

    /** Page {@code number} (1-based) in the given form. */
    public NormalizedText page(int number, Form form) {
        NormalizedText[] texts = pages.computeIfAbsent(form, f -> new NormalizedText[pageCount()]);
        if (texts[number - 1] == null) {
            texts[number - 1] = NormalizedText.of(document.page(number), form);
        }
        return texts[number - 1];
    }

    /** Pages whose stored text has no letter or digit at all: not read (a scan without OCR) or blank. */
    public List<Integer> pagesWithoutText() {
        return IntStream.rangeClosed(1, pageCount())
                .filter(n -> document.page(n).codePoints().noneMatch(Character::isLetterOrDigit))
                .boxed().toList();
    }

    /** Evidence for a normalised range found on a page: the line around it, quoted from the stored text. */
    public Evidence quoteLine(int page, NormalizedText text, Span normalized) {
        Span original = text.toOriginal(normalized.start(), normalized.end());
        Span line = Excerpt.lineAround(document.page(page), original);
        return Evidence.located(document, page, line.start(), line.end());
    }

    /** Evidence for exactly the stored text a normalised range came from. */
    public Evidence quoteExactly(int page, NormalizedText text, Span normalized) {
        Span original = Excerpt.safe(document.page(page), text.toOriginal(normalized.start(), normalized.end()));
        return Evidence.located(document, page, original.start(), original.end());
    }
}

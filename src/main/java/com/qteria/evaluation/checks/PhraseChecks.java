package com.qteria.evaluation.checks;

import com.qteria.evaluation.CheckResult;
import com.qteria.evaluation.Evidence;
import com.qteria.evaluation.text.NormalizedText;
import com.qteria.evaluation.text.NormalizedText.Form;
import com.qteria.evaluation.text.Span;
import com.qteria.workflow.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code contains} and {@code not_contains}: phrases compared case-insensitively on {@link Form#PHRASES} text, as whole
 * words (a phrase that begins or ends with a letter or digit does not match inside a longer word: "draft" is not
 * found in "drafted"). Decision: a phrase is looked for within one page; a phrase split across a page break is not
 * found, because evidence must name one page.
 */
final class PhraseChecks {

    private PhraseChecks() {
    }

    /** The first occurrence of the phrase in the document, as evidence (its line). */
    static Optional<Evidence> first(DocumentText document, String phrase) {
        String needle = NormalizedText.normalize(phrase, Form.PHRASES);
        for (int page = 1; page <= document.pageCount(); page++) {
            NormalizedText text = document.page(page, Form.PHRASES);
            List<Span> found = text.find(needle, true);
            if (!found.isEmpty()) {
                return Optional.of(document.quoteLine(page, text, found.getFirst()));
            }
        }
        return Optional.empty();
    }

    static CheckResult contains(Check.Contains check, List<DocumentText> documents) {
        List<String> all = check.all() == null ? List.of() : check.all();
        List<String> any = check.any() == null ? List.of() : check.any();
        List<Evidence> evidence = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> passes = new ArrayList<>();
        for (DocumentText document : documents) {
            List<String> missing = new ArrayList<>();
            for (String phrase : all) {
                first(document, phrase).ifPresentOrElse(evidence::add, () -> missing.add(phrase));
            }
            List<Evidence> anyFound = any.stream().flatMap(p -> first(document, p).stream()).toList();
            evidence.addAll(anyFound);
            if (!missing.isEmpty()) {
                failures.add(Words.quoted(missing) + " not found in " + document.name() + Words.unread(document));
            }
            if (!any.isEmpty() && anyFound.isEmpty()) {
                failures.add("none of " + Words.quoted(any) + " found in " + document.name() + Words.unread(document));
            }
            if (missing.isEmpty() && (any.isEmpty() || !anyFound.isEmpty())) {
                passes.add("found in " + document.name() + " (" + Words.pages(evidence, document) + ")");
            }
        }
        return failures.isEmpty()
                ? CheckResult.pass(check.type(), Words.capitalize(check.describe()) + ": " + String.join("; ", passes), evidence)
                : CheckResult.fail(check.type(), String.join("; ", failures), evidence);
    }

    /**
     * Decision: a pass of {@code not_contains} over pages without any text (a scan that was not read) is not a pass —
     * the phrase may be on them — so it is inconclusive and the criterion needs review.
     */
    static CheckResult notContains(Check.NotContains check, List<DocumentText> documents) {
        List<String> phrases = check.any() == null ? List.of() : check.any();
        List<Evidence> evidence = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (DocumentText document : documents) {
            List<String> found = new ArrayList<>();
            for (String phrase : phrases) {
                first(document, phrase).ifPresent(e -> {
                    evidence.add(e);
                    found.add(phrase + "\u201d on page " + e.page());
                });
            }
            if (!found.isEmpty()) {
                failures.add("\u201c" + String.join(", \u201c", found) + " of " + document.name());
            } else if (!document.pagesWithoutText().isEmpty()) {
                unread.add(document.name() + Words.unread(document));
            }
        }
        if (!failures.isEmpty()) {
            return CheckResult.fail(check.type(), "found " + String.join("; ", failures), evidence);
        }
        if (!unread.isEmpty()) {
            return CheckResult.undecided(check.type(), "none of " + Words.quoted(phrases)
                    + " found in the text that could be read, but " + String.join("; ", unread), List.of());
        }
        return CheckResult.pass(check.type(), "none of " + Words.quoted(phrases) + " found in "
                + String.join(", ", documents.stream().map(DocumentText::name).toList()), List.of());
    }
}

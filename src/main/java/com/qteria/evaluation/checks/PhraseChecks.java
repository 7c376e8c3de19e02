package com.qteria.evaluation.checks;

import com.qteria.evaluation.CheckResult;
import com.qteria.evaluation.Evidence;
import com.qteria.evaluation.Reason;
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
 * found, because evidence must name one page. When {@code contains} fails, the passages closest to the missing phrases
 * ({@link ClosestMatch}) are its evidence.
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
        List<Reason> failures = new ArrayList<>();
        List<Reason> passes = new ArrayList<>();
        for (DocumentText document : documents) {
            List<String> missing = new ArrayList<>();
            List<String> found = new ArrayList<>();
            List<Evidence> here = new ArrayList<>();
            for (String phrase : all) {
                first(document, phrase).ifPresentOrElse(e -> {
                    here.add(e);
                    found.add(phrase);
                }, () -> missing.add(phrase));
            }
            for (String phrase : any) {
                first(document, phrase).ifPresent(e -> {
                    here.add(e);
                    found.add(phrase);
                });
            }
            boolean anyFound = here.size() > all.size() - missing.size();
            evidence.addAll(here);
            if (!missing.isEmpty()) {
                failures.add(new Reason.PhrasesMissing(missing, false, document.name(), document.pagesWithoutText()));
            }
            if (!any.isEmpty() && !anyFound) {
                failures.add(new Reason.PhrasesMissing(any, true, document.name(), document.pagesWithoutText()));
            }
            List<String> sought = new ArrayList<>(missing);
            if (!any.isEmpty() && !anyFound) {
                sought.addAll(any);
            }
            for (ClosestMatch.Near near : sought.isEmpty() ? List.<ClosestMatch.Near>of()
                    : ClosestMatch.to(document, sought)) {
                evidence.add(near.evidence());
                failures.add(near.reason(document.name()));
            }
            if (missing.isEmpty() && (any.isEmpty() || anyFound)) {
                passes.add(new Reason.PhrasesFound(found, document.name(), Words.pages(here)));
            }
        }
        return failures.isEmpty()
                ? CheckResult.pass(check.type(), passes, evidence)
                : CheckResult.fail(check.type(), failures, evidence);
    }

    /**
     * Decision: a pass of {@code not_contains} over pages without any text (a scan that was not read) is not a pass —
     * the phrase may be on them — so it is inconclusive and the criterion needs review.
     */
    static CheckResult notContains(Check.NotContains check, List<DocumentText> documents) {
        List<String> phrases = check.any() == null ? List.of() : check.any();
        List<Evidence> evidence = new ArrayList<>();
        List<Reason> failures = new ArrayList<>();
        List<Reason> unread = new ArrayList<>();
        for (DocumentText document : documents) {
            boolean found = false;
            for (String phrase : phrases) {
                Optional<Evidence> at = first(document, phrase);
                if (at.isPresent()) {
                    evidence.add(at.get());
                    failures.add(new Reason.ForbiddenPhrase(phrase, document.name(), at.get().page()));
                    found = true;
                }
            }
            if (!found && !document.pagesWithoutText().isEmpty()) {
                unread.add(new Reason.PhrasesMaybeUnread(phrases, document.name(), document.pagesWithoutText()));
            }
        }
        if (!failures.isEmpty()) {
            return CheckResult.fail(check.type(), failures, evidence);
        }
        if (!unread.isEmpty()) {
            return new CheckResult.Undecided(check.type(), unread, List.of());
        }
        return CheckResult.pass(check.type(), List.of(new Reason.PhrasesAbsent(phrases,
                documents.stream().map(DocumentText::name).toList())), List.of());
    }
}

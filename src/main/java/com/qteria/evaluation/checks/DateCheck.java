package com.qteria.evaluation.checks;

import com.qteria.evaluation.CheckResult;
import com.qteria.evaluation.Evidence;
import com.qteria.evaluation.Reason;
import com.qteria.evaluation.text.NormalizedText;
import com.qteria.evaluation.text.NormalizedText.Form;
import com.qteria.evaluation.text.Span;
import com.qteria.workflow.Check;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code date_not_older}: in each routed document, the first occurrence of one of the labels (in reading order over
 * all labels) that has a date within {@value #WORDS} words after it decides; the check passes when that date is on
 * or after the assessment date minus {@code months}. A document without a labelled date fails ("not found").
 */
final class DateCheck {

    static final int WORDS = 4;
    private static final int WINDOW = 80;

    private DateCheck() {
    }

    private record Labelled(int page, NormalizedText text, Span label, WrittenDate date) {
    }

    static CheckResult run(Check.DateNotOlder check, List<DocumentText> documents, LocalDate asOf) {
        List<String> labels = check.near() == null ? List.of() : check.near();
        if (labels.isEmpty() || check.months() == null) {
            return CheckResult.undecided(check.type(), new Reason.CheckIncomplete(check.type()), List.of());
        }
        LocalDate limit = asOf.minusMonths(check.months());
        List<Evidence> evidence = new ArrayList<>();
        List<Reason> failures = new ArrayList<>();
        List<Reason> passes = new ArrayList<>();
        for (DocumentText document : documents) {
            Optional<Labelled> found = firstLabelledDate(document, labels);
            if (found.isEmpty()) {
                failures.add(missing(document, labels));
                continue;
            }
            Labelled labelled = found.get();
            Evidence quote = document.quoteExactly(labelled.page(), labelled.text(),
                    new Span(labelled.label().start(), labelled.date().span().end()));
            evidence.add(quote);
            String written = document.quoteExactly(labelled.page(), labelled.text(), labelled.date().span()).quote();
            LocalDate date = labelled.date().date();
            if (date.isBefore(limit)) {
                failures.add(new Reason.DateTooOld(labels, date.toString(), written, labelled.page(), document.name(),
                        limit.toString(), check.months(), asOf.toString()));
            } else {
                passes.add(new Reason.DateRecent(labels, date.toString(), written, labelled.page(), document.name(),
                        limit.toString()));
            }
        }
        return failures.isEmpty()
                ? CheckResult.pass(check.type(), passes, evidence)
                : CheckResult.fail(check.type(), failures, evidence);
    }

    private static Optional<Labelled> firstLabelledDate(DocumentText document, List<String> labels) {
        for (int page = 1; page <= document.pageCount(); page++) {
            NormalizedText text = document.page(page, Form.PHRASES);
            List<Span> occurrences = labels.stream()
                    .flatMap(label -> text.find(NormalizedText.normalize(label, Form.PHRASES), true).stream())
                    .sorted(Comparator.comparingInt(Span::start)).toList();
            for (Span label : occurrences) {
                Optional<WrittenDate> date = WrittenDate.first(text.text(), label.end(), label.end() + WINDOW)
                        .filter(d -> wordsBetween(text.text(), label.end(), d.span().start()) <= WORDS);
                if (date.isPresent()) {
                    return Optional.of(new Labelled(page, text, label, date.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static long wordsBetween(String text, int from, int to) {
        return List.of(text.substring(from, to).split(" ")).stream()
                .filter(word -> word.codePoints().anyMatch(Character::isLetterOrDigit)).count();
    }

    /** No labelled date: which label is there without a date, if any. */
    private static Reason missing(DocumentText document, List<String> labels) {
        for (String label : labels) {
            Optional<Evidence> at = PhraseChecks.first(document, label);
            if (at.isPresent()) {
                return new Reason.DateMissing(labels, document.name(), label, at.get().page(),
                        document.pagesWithoutText());
            }
        }
        return new Reason.DateMissing(labels, document.name(), null, 0, document.pagesWithoutText());
    }
}

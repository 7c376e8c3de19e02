package com.qteria.evaluation.checks;

import com.qteria.evaluation.CheckResult;
import com.qteria.evaluation.EvaluatedDocument;
import com.qteria.evaluation.Reason;
import com.qteria.workflow.Check;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Runs the checks of one criterion on its routed documents: one result per check, over all those documents. */
public final class CheckRunner {

    private CheckRunner() {
    }

    public static List<CheckResult> run(List<Check> checks, List<EvaluatedDocument> routed, LocalDate asOf) {
        List<DocumentText> documents = routed.stream().map(DocumentText::new).toList();
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            results.add(run(check, documents, asOf));
        }
        return results;
    }

    private static CheckResult run(Check check, List<DocumentText> documents, LocalDate asOf) {
        return switch (check) {
            case Check.Contains c -> PhraseChecks.contains(c, documents);
            case Check.NotContains c -> PhraseChecks.notContains(c, documents);
            case Check.Matches c -> PatternChecks.matches(c, documents);
            case Check.DateNotOlder c -> DateCheck.run(c, documents, asOf);
            case Check.Signed c -> SignedCheck.run(c, documents);
            case Check.SameValue c -> PatternChecks.sameValue(c, documents);
            case Check.MinPages c -> minPages(c, documents);
        };
    }

    private static CheckResult minPages(Check.MinPages check, List<DocumentText> documents) {
        if (check.pages() == null) {
            return CheckResult.undecided(check.type(), new Reason.CheckIncomplete(check.type()), List.of());
        }
        List<Reason> failures = new ArrayList<>();
        List<Reason> counts = new ArrayList<>();
        for (DocumentText document : documents) {
            Reason count = new Reason.PageCount(document.name(), document.pageCount(), check.pages());
            counts.add(count);
            if (document.pageCount() < check.pages()) {
                failures.add(count);
            }
        }
        return failures.isEmpty()
                ? CheckResult.pass(check.type(), counts, List.of())
                : CheckResult.fail(check.type(), failures, List.of());
    }
}

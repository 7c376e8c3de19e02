package com.qteria.assessment;

import com.qteria.evaluation.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between a re-run and the assessment it re-ran ({@code GET /api/v1/assessments/{id}/diff}): per
 * criterion the verdict before and now, both as reviewed, and counts for the banner "3 fixed, 0 regressed, 7
 * unchanged".
 * <p>
 * Decisions: verdicts rank fail &lt; needs review &lt; pass. A criterion is {@code fixed} when it passes now and did not
 * before, {@code regressed} when its rank fell (a pass that now fails or needs review, a needs review that now fails),
 * {@code unchanged} when the verdict is the same, and {@code changed} otherwise: a fail that now needs review, anything
 * to or from not applicable, and a criterion only one of the two workflow versions has ({@code previous} or
 * {@code current} null). Items follow the re-run's criteria, then those only the earlier run had.
 */
public record AssessmentDiff(AssessmentId parentId, List<Item> items, int fixed, int regressed, int unchanged,
        int changed) {

    /** One criterion: {@code change} is fixed, regressed, unchanged or changed; {@code changed} is whether not unchanged. */
    public record Item(CriterionRef criterion, Verdict previous, Verdict current, boolean changed, String change) {
    }

    public AssessmentDiff {
        items = List.copyOf(items);
    }

    public static AssessmentDiff of(AssessmentId parentId, List<CriterionResult> previous,
            List<CriterionResult> current) {
        Map<String, CriterionResult> before = new LinkedHashMap<>();
        previous.forEach(r -> before.put(r.criterion().key(), r));
        List<Item> items = new ArrayList<>();
        for (CriterionResult now : current) {
            CriterionResult then = before.remove(now.criterion().key());
            items.add(item(now.criterion(), then == null ? null : then.verdict(), now.verdict()));
        }
        before.values().forEach(then -> items.add(item(then.criterion(), then.verdict(), null)));
        return new AssessmentDiff(parentId, items, count(items, "fixed"), count(items, "regressed"),
                count(items, "unchanged"), count(items, "changed"));
    }

    private static Item item(CriterionRef criterion, Verdict previous, Verdict current) {
        String change = change(previous, current);
        return new Item(criterion, previous, current, !change.equals("unchanged"), change);
    }

    static String change(Verdict previous, Verdict current) {
        if (previous == current) {
            return "unchanged";
        }
        if (current == Verdict.PASS && rank(previous) >= 0) {
            return "fixed";
        }
        if (rank(previous) >= 0 && rank(current) >= 0 && rank(current) < rank(previous)) {
            return "regressed";
        }
        return "changed";
    }

    private static int rank(Verdict verdict) {
        return verdict == null ? -1 : switch (verdict) {
            case FAIL -> 0;
            case NEEDS_REVIEW -> 1;
            case PASS -> 2;
            case NOT_APPLICABLE -> -1;
        };
    }

    private static int count(List<Item> items, String change) {
        return (int) items.stream().filter(i -> i.change().equals(change)).count();
    }
}

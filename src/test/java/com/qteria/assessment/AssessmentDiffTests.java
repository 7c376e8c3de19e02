package com.qteria.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.evaluation.Confidence;
import com.qteria.evaluation.Source;
import com.qteria.evaluation.Verdict;
import com.qteria.shared.Ids;
import com.qteria.workflow.Severity;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The diff's rules: what counts as fixed, regressed, unchanged or another change. */
class AssessmentDiffTests {

    @Test
    void aPassThatWasNotOneIsFixedAFallInRankIsARegressionAndTheRestIsChanged() {
        assertThat(AssessmentDiff.change(Verdict.FAIL, Verdict.PASS)).isEqualTo("fixed");
        assertThat(AssessmentDiff.change(Verdict.NEEDS_REVIEW, Verdict.PASS)).isEqualTo("fixed");
        assertThat(AssessmentDiff.change(Verdict.PASS, Verdict.FAIL)).isEqualTo("regressed");
        assertThat(AssessmentDiff.change(Verdict.PASS, Verdict.NEEDS_REVIEW)).isEqualTo("regressed");
        assertThat(AssessmentDiff.change(Verdict.NEEDS_REVIEW, Verdict.FAIL)).isEqualTo("regressed");
        assertThat(AssessmentDiff.change(Verdict.FAIL, Verdict.NEEDS_REVIEW)).isEqualTo("changed");
        assertThat(AssessmentDiff.change(Verdict.NOT_APPLICABLE, Verdict.PASS)).isEqualTo("changed");
        assertThat(AssessmentDiff.change(Verdict.PASS, Verdict.NOT_APPLICABLE)).isEqualTo("changed");
        assertThat(AssessmentDiff.change(null, Verdict.PASS)).isEqualTo("changed");
        assertThat(AssessmentDiff.change(Verdict.FAIL, Verdict.FAIL)).isEqualTo("unchanged");
    }

    @Test
    void itemsFollowTheReRunsCriteriaThenThoseOnlyTheEarlierRunHad() {
        AssessmentId parent = new AssessmentId(Ids.next());
        AssessmentDiff diff = AssessmentDiff.of(parent,
                List.of(result("a", Verdict.FAIL), result("gone", Verdict.PASS), result("b", Verdict.PASS)),
                List.of(result("b", Verdict.PASS), result("a", Verdict.PASS), result("new", Verdict.FAIL)));

        assertThat(diff.parentId()).isEqualTo(parent);
        assertThat(diff.items()).extracting(i -> i.criterion().key()).containsExactly("b", "a", "new", "gone");
        assertThat(diff.items()).extracting(AssessmentDiff.Item::changed).containsExactly(false, true, true, true);
        assertThat(diff.items().get(3).current()).isNull();
        assertThat(List.of(diff.fixed(), diff.regressed(), diff.unchanged(), diff.changed())).containsExactly(1, 0, 1, 2);
    }

    private static CriterionResult result(String key, Verdict verdict) {
        return new CriterionResult(new CriterionRef(UUID.randomUUID(), key, key, Severity.REQUIRED), verdict,
                Confidence.HIGH, Source.CHECKS, "", null, List.of(), null, null, null);
    }
}

package com.qteria.evaluation;

import static com.qteria.evaluation.Documents.assertExact;
import static com.qteria.evaluation.Documents.document;
import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.workflow.Check;
import com.qteria.workflow.Criterion;
import com.qteria.workflow.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** See {@link EvaluationFixture}: through the module's entry point, without Spring. */
class CheckCombinationTests extends EvaluationFixture {

    @Test
    void countsPages() {
        assertThat(evaluate(List.of("test_reports"), new Check.MinPages(2)).verdict()).isEqualTo(Verdict.PASS);
        Finding finding = evaluate(List.of("test_reports"), new Check.MinPages(12));
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.reasoning()).isEqualTo("report.pdf has 2 pages, fewer than the 12 needed.");
    }

    @Test
    void passesOnlyWhenEveryCheckPassesAndListsEachFailure() {
        Finding finding = evaluate(List.of("test_reports"), new Check.Contains(List.of("IEC 62368-1"), null),
                new Check.MinPages(12), new Check.NotContains(List.of("Overall verdict")));
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(finding.checks()).extracting(r -> r instanceof CheckResult.Passed).containsExactly(true, false, false);
        assertThat(finding.reasoning().lines()).hasSize(2);
        assertThat(finding.evidence()).extracting(Evidence::quote).containsExactly(
                "fication requirements. Overall verdict: PASS");
    }
}

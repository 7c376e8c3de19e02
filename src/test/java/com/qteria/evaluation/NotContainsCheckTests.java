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
class NotContainsCheckTests extends EvaluationFixture {

    @Test
    void passesWhenNoPhraseOccurs() {
        Finding finding = evaluate(List.of("test_reports"), new Check.NotContains(List.of("draft", "preliminary")));
        assertThat(finding.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void failsQuotingWhatWasFound() {
        EvaluatedDocument manual = document("um.pdf", "user_manual", "Brightwave DRAFT - for review only\nManual");
        Finding finding = evaluation.evaluate(criterion(List.of("user_manual"),
                new Check.NotContains(List.of("draft", "preliminary"))), List.of(manual), AS_OF);
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.evidence()).singleElement().satisfies(e -> {
            assertThat(e.quote()).isEqualTo("Brightwave DRAFT - for review only");
            assertThat(e.page()).isEqualTo(1);
        });
        assertThat(finding.reasoning()).contains("\u201cdraft\u201d found on page 1 of um.pdf.");
    }

    @Test
    void needsReviewWhenPagesHaveNoText() {
        EvaluatedDocument scan = document("scan.pdf", "b", "Cover page", "   ");
        Finding finding = evaluation.evaluate(criterion(List.of("b"), new Check.NotContains(List.of("draft"))),
                List.of(scan), AS_OF);
        assertThat(finding.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(finding.reasoning()).contains("Page 2 has no readable text.");
    }
}

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
class RoutingTests extends EvaluationFixture {

    @Test
    void routesTheDocumentsOfTheNamedBucketsOnly() {
        assertThat(evaluation.route(criterion(List.of("declaration")), all)).containsExactly(declaration);
        assertThat(evaluation.route(criterion(List.of("test_reports", "declaration")), all))
                .containsExactly(report, declaration);
    }

    @Test
    void routesEveryDocumentForTheStar() {
        assertThat(evaluation.route(criterion(List.of("*")), all)).containsExactly(report, declaration);
    }

    @Test
    void needsReviewWithoutRoutedDocuments() {
        Finding finding = evaluate(List.of("user_manual"), new Check.MinPages(1));
        assertThat(finding.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(finding.reasoning()).isEqualTo("No document was given in user_manual.");
    }

    @Test
    void aCheckMustPassOnEveryRoutedDocument() {
        Finding finding = evaluate(List.of("*"), new Check.Contains(List.of("IEC 62368-1"), null));
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.reasoning()).contains("not found in doc.pdf.").doesNotContain("report.pdf");
    }
}

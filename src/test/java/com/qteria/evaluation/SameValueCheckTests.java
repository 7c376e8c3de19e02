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
class SameValueCheckTests extends EvaluationFixture {

    static final Check.SameValue MODEL = new Check.SameValue(
            "(?i)(?:model/type reference|model number|typbezeichnung)\\s*:?\\s*([A-Z]{2,3}-\\d{3,4}[A-Z]?(?:-[A-Z0-9]{1,3})?)",
            List.of("test_reports", "declaration"));

    @Test
    void passesWhenEveryBucketHasTheSameValue() {
        Finding finding = evaluate(List.of("test_reports", "declaration"), MODEL);
        assertThat(finding.verdict()).isEqualTo(Verdict.PASS);
        assertThat(finding.evidence()).extracting(Evidence::documentName).containsExactly("report.pdf", "doc.pdf");
        assertThat(finding.evidence()).allSatisfy(e -> assertThat(e.quote()).endsWith("NV-8240-B"));
    }

    @Test
    void failsOnDifferentValuesNamingThem() {
        EvaluatedDocument other = document("tr7100.pdf", "test_reports", "Model/type reference:\nBW-7100");
        Finding finding = evaluation.evaluate(criterion(List.of("*"), MODEL), List.of(other, declaration), AS_OF);
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.reasoning()).contains("Different values: \u201cBW-7100\u201d in tr7100.pdf page 1; "
                + "\u201cNV-8240-B\u201d in doc.pdf page 1");
        assertThat(finding.evidence()).hasSize(2);
        assertExact(finding.evidence(), List.of(other, declaration));
    }

    @Test
    void failsWhenABucketHasNoValue() {
        EvaluatedDocument none = document("tr.pdf", "test_reports", "A report without the model");
        Finding finding = evaluation.evaluate(criterion(List.of("*"), MODEL), List.of(none, declaration), AS_OF);
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.reasoning()).contains("No value found in tr.pdf.");
    }

    @Test
    void needsReviewWhenABucketHasNoDocument() {
        Finding finding = evaluation.evaluate(criterion(List.of("*"), MODEL), List.of(declaration), AS_OF);
        assertThat(finding.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(finding.reasoning()).contains("Nothing to compare with: no document in test_reports.");
    }
}

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
class VerificationTests extends EvaluationFixture {

    @Test
    void verifiesAQuoteFoundOnThatPageAfterNormalisation() {
        Evidence evidence = evaluation.verify(report.id(), "report.pdf", 2,
                "\u201cthe test item fulfils the certification requirements\u201d", all);
        assertThat(evidence.verified()).isTrue();
        assertThat(evidence.quote()).isEqualTo("The test item fulfils the certi-\nfication requirements");
        assertThat(report.page(2).substring(evidence.start(), evidence.end())).isEqualTo(evidence.quote());
    }

    @Test
    void doesNotVerifyAQuoteFromAnotherPageOrDocument() {
        assertThat(evaluation.verify(report.id(), "report.pdf", 1, "Overall verdict: PASS", all).verified()).isFalse();
        assertThat(evaluation.verify(declaration.id(), "doc.pdf", 1, "Overall verdict: PASS", all).verified()).isFalse();
        assertThat(evaluation.verify(UUID.randomUUID(), "x.pdf", 1, "Overall verdict: PASS", all).verified()).isFalse();
        assertThat(evaluation.verify(report.id(), "report.pdf", 3, "Overall verdict: PASS", all).verified()).isFalse();
        Evidence invented = evaluation.verify(report.id(), "report.pdf", 2, "Overall verdict: FAIL", all);
        assertThat(invented).isEqualTo(new Evidence(report.id(), "report.pdf", 2, "Overall verdict: FAIL", false, -1, -1));
        assertThat(evaluation.verify(report.id(), "report.pdf", 2, "  ", all).verified()).isFalse();
    }
}

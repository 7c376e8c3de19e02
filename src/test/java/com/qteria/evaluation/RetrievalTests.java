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
class RetrievalTests extends EvaluationFixture {

    @Test
    void criteriaWithoutChecksNeedReviewWithTheBestPassages() {
        Criterion criterion = new Criterion(UUID.randomUUID(), "tr_verdict", "Overall verdict is pass",
                "The report states an overall pass verdict.", List.of("*"), Severity.REQUIRED, 0, List.of());
        Finding finding = evaluation.evaluate(criterion, all, AS_OF);
        assertThat(finding.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(finding.confidence()).isEqualTo(Confidence.LOW);
        assertThat(finding.source()).isEqualTo(Source.RETRIEVAL);
        assertThat(finding.checks()).isEmpty();
        assertThat(finding.evidence()).hasSizeBetween(1, 3);
        assertThat(finding.evidence().getFirst().page()).isEqualTo(2);
        assertThat(finding.evidence().getFirst().quote()).contains("Overall verdict: PASS");
        assertExact(finding.evidence(), all);
    }

    @Test
    void findsGermanPagesWithGermanStemming() {
        List<EvaluatedDocument> german = List.of(
                document("ba.pdf", "b", "Inhaltsverzeichnis\nLieferumfang", "Sicherheitshinweise\n"
                        + "WARNUNG: Gefahr eines elektrischen Schlages. Gehäuse nicht öffnen.", "Reinigung und Pflege"));
        Criterion criterion = new Criterion(UUID.randomUUID(), "w", "Warnhinweise",
                "Die Anleitung warnt vor der Gefahr elektrischer Schläge.", List.of("b"), Severity.REQUIRED, 0,
                null);
        Finding finding = evaluation.evaluate(criterion, german, AS_OF);
        assertThat(finding.evidence().getFirst().page()).isEqualTo(2);
        assertThat(finding.evidence().getFirst().quote()).contains("Gefahr eines elektrischen Schlages");
    }
}

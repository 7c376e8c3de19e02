package com.qteria.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.evaluation.Confidence;
import com.qteria.evaluation.Finding;
import com.qteria.evaluation.Reason;
import com.qteria.evaluation.ReasonText;
import com.qteria.evaluation.Source;
import com.qteria.evaluation.Verdict;
import com.qteria.workflow.Criterion;
import com.qteria.workflow.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A result keeps its reasons as codes with their English text, and a reader gets them in its language. */
class CriterionResultTests {

    static final ReasonText TEXT = ReasonText.standalone();
    static final Criterion RISK = new Criterion(UUID.randomUUID(), "risk", "Risks are assessed", null,
            List.of("risk_assessment"), Severity.REQUIRED, 0, List.of());

    @Test
    void storesTheReasonsWithTheirEnglishTextAndRendersThemForTheReader() {
        Finding finding = new Finding("risk", Verdict.NEEDS_REVIEW, Confidence.LOW, Source.CHECKS,
                List.of(new Reason.NoDocumentInBuckets(List.of("risk_assessment"))), List.of(), List.of());
        CriterionResult stored = CriterionResult.of(RISK, finding);
        assertThat(stored.reasoning()).isEqualTo("No document was given in risk_assessment.");
        assertThat(stored.reasons()).isEqualTo(finding.reasons());

        CriterionResult german = stored.rendered(TEXT, Locale.GERMAN,
                key -> Map.of("risk_assessment", "Risk assessment").getOrDefault(key, key));
        assertThat(german.reasoning()).isEqualTo("In Risk assessment wurde kein Dokument abgegeben.");
        assertThat(german.reasons()).isNull();
        assertThat(german.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    }

    @Test
    void aResultStoredBeforeReasonsExistedShowsItsStoredText() {
        CriterionResult old = new CriterionResult(CriterionRef.of(RISK), Verdict.NEEDS_REVIEW, Confidence.LOW,
                Source.CHECKS, "no document in buckets risk_assessment", null, List.of(), null, null, null);
        assertThat(old.rendered(TEXT, Locale.GERMAN, key -> "Risk assessment").reasoning())
                .isEqualTo("no document in buckets risk_assessment");
    }
}

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
class ContainsCheckTests extends EvaluationFixture {

    @Test
    void passesWithEvidenceOfEachPhrase() {
        Finding finding = evaluate(List.of("test_reports"),
                new Check.Contains(List.of("iec 62368-1", "certification requirements"), List.of("nothing", "PASS")));
        assertThat(finding.verdict()).isEqualTo(Verdict.PASS);
        assertThat(finding.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(finding.evidence()).extracting(Evidence::page).containsExactly(1, 2, 2);
        assertThat(finding.evidence().getFirst().quote()).isEqualTo("Test specification: IEC 62368-1:2018");
        assertThat(finding.evidence().get(1).quote()).contains("certi-\nfication requirements");
    }

    @Test
    void failsNamingTheMissingPhrase() {
        Finding finding = evaluate(List.of("test_reports"), new Check.Contains(List.of("ISO/IEC 17025"), null));
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.reasoning()).isEqualTo("\u201cISO/IEC 17025\u201d not found in report.pdf.");
    }

    @Test
    void failsWhenNoneOfAnyOccurs() {
        Finding finding = evaluate(List.of("test_reports"), new Check.Contains(null, List.of("AMD2:2020", "A2:2021")));
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.reasoning()).contains("None of \u201cAMD2:2020\u201d, \u201cA2:2021\u201d found in report.pdf.");
    }

    @Test
    void matchesAcrossLigaturesNoBreakSpacesAndCase() {
        EvaluatedDocument page = document("x.pdf", "b", "The CERTI\uFB01CATE\u00A0of conformity");
        Finding finding = evaluation.evaluate(criterion(List.of("b"),
                new Check.Contains(List.of("certificate of Conformity"), null)), List.of(page), AS_OF);
        assertThat(finding.verdict()).isEqualTo(Verdict.PASS);
        assertThat(finding.evidence().getFirst().quote()).isEqualTo("The CERTI\uFB01CATE\u00A0of conformity");
    }

    @Test
    void phrasesMatchWholeWordsOnly() {
        EvaluatedDocument page = document("x.pdf", "b", "Drafted and reviewed; WARNINGS listed");
        assertThat(evaluation.evaluate(criterion(List.of("b"), new Check.Contains(List.of("draft"), null)),
                List.of(page), AS_OF).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(evaluation.evaluate(criterion(List.of("b"), new Check.NotContains(List.of("warning"))),
                List.of(page), AS_OF).verdict()).isEqualTo(Verdict.PASS);
    }
}

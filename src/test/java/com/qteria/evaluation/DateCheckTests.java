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
class DateCheckTests extends EvaluationFixture {

    @Test
    void passesWhenTheLabelledDateIsRecentEnough() {
        Finding finding = evaluate(List.of("test_reports"), new Check.DateNotOlder(List.of("Date of issue"), 24));
        assertThat(finding.verdict()).isEqualTo(Verdict.PASS);
        assertThat(finding.evidence()).singleElement().extracting(Evidence::quote)
                .isEqualTo("Date of issue: 27 February 2025");
        assertThat(finding.reasoning()).contains("in report.pdf is 2025-02-27").contains("page 1");
    }

    @Test
    void theBoundaryDayStillPasses() {
        EvaluatedDocument cal = document("cal.pdf", "b", "Datum der Kalibrierung: 16. Juni 2024");
        Check check = new Check.DateNotOlder(List.of("Date of calibration", "Datum der Kalibrierung"), 12);
        assertThat(evaluation.evaluate(criterion(List.of("b"), check), List.of(cal), AS_OF).verdict())
                .isEqualTo(Verdict.PASS);
        assertThat(evaluation.evaluate(criterion(List.of("b"), check), List.of(cal), AS_OF.plusDays(1)).verdict())
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void failsNamingTheDateFoundAndItsPage() {
        EvaluatedDocument old = document("old.pdf", "b", "Cover", "Report\nDate of issue: 04.01.2023\nSigned");
        Finding finding = evaluation.evaluate(criterion(List.of("b"),
                new Check.DateNotOlder(List.of("Date of issue"), 12)), List.of(old), AS_OF);
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.reasoning()).isEqualTo("The date near \u201cDate of issue\u201d in old.pdf is 2023-01-04 (\u201c04.01.2023\u201d, "
                + "page 2), before 2024-06-16: it must be at most 12 months older than 2025-06-16.");
        assertThat(finding.evidence()).singleElement().satisfies(e -> {
            assertThat(e.page()).isEqualTo(2);
            assertThat(e.quote()).isEqualTo("Date of issue: 04.01.2023");
        });
    }

    @Test
    void readsTheFirstDateWithinAFewWordsAfterTheLabel() {
        EvaluatedDocument doc = document("d.pdf", "b", "Place and date of issue: Cambridge, 2 April 2025");
        assertThat(evaluation.evaluate(criterion(List.of("b"), new Check.DateNotOlder(List.of("date of issue"), 3)),
                List.of(doc), AS_OF).verdict()).isEqualTo(Verdict.PASS);
        EvaluatedDocument far = document("f.pdf", "b",
                "Date of issue: see the cover sheet of the complete file, which was printed on 2 April 2025");
        Finding finding = evaluation.evaluate(criterion(List.of("b"),
                new Check.DateNotOlder(List.of("Date of issue"), 3)), List.of(far), AS_OF);
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.reasoning()).contains("\u201cDate of issue\u201d is on page 1 without a date after it");
    }

    @Test
    void failsWhenTheLabelIsMissing() {
        Finding finding = evaluate(List.of("declaration"), new Check.DateNotOlder(List.of("Revision date"), 36));
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.reasoning()).contains("none of the labels occurs");
    }
}

package com.qteria.evaluation;

import static com.qteria.evaluation.Documents.assertExact;
import static com.qteria.evaluation.Documents.document;
import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.workflow.Check;
import com.qteria.workflow.Criterion;
import com.qteria.workflow.Severity;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A failure on absence shows what comes closest: verified quotes marked as closest match, named in the reasoning,
 * never on a pass. See {@link EvaluationFixture}.
 */
class ClosestMatchTests extends EvaluationFixture {

    private final EvaluatedDocument emcDeclaration = document("doc-emc.pdf", "declaration",
            "EU Declaration of Conformity\nProduct: LD-1500 LED driver",
            "The product complies with:\nDirective 2014/30/EU (electromagnetic compatibility)\n"
                    + "Directive 2011/65/EU (RoHS)\nPlace and date: Delft, 2 April 2025");
    private final EvaluatedDocument ictReport = document("tr.pdf", "test_reports",
            "Test report\nStandard: IEC 62368-1:2014+A11:2017\nLaboratory accredited to ISO/IEC 17020:2012",
            "Results\nAll clauses: PASS");

    private Finding evaluate(EvaluatedDocument document, Criterion criterion) {
        Finding finding = evaluation.evaluate(criterion, List.of(document), AS_OF);
        assertExact(finding.evidence(), List.of(document));
        return finding;
    }

    private static Criterion named(String name, String bucket, Check check) {
        return new Criterion(UUID.randomUUID(), "c", name, null, List.of(bucket), Severity.REQUIRED, 0,
                List.of(check));
    }

    @Test
    void aDeclarationCitingTheWrongDirectiveShowsItAsTheClosestMatch() {
        Finding finding = evaluate(emcDeclaration, named("Declaration names the LVD", "declaration",
                new Check.Contains(List.of("2014/35/EU"), null)));
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.evidence()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(Evidence.Kind.CLOSEST_MATCH);
            assertThat(e.verified()).isTrue();
        });
        Evidence first = finding.evidence().getFirst();
        assertThat(first.page()).isEqualTo(2);
        assertThat(first.quote()).isEqualTo("Directive 2014/30/EU (electromagnetic compatibility)");
        assertThat(finding.reasoning()).isEqualTo("\u201c2014/35/EU\u201d not found in doc-emc.pdf.\n"
                + "Closest to \u201c2014/35/EU\u201d in doc-emc.pdf: \u201c2014/30/EU\u201d (page 2).\n"
                + "Closest to \u201c2014/35/EU\u201d in doc-emc.pdf: \u201c2011/65/EU\u201d (page 2).");
    }

    @Test
    void aReportOnAnEarlierAmendmentShowsTheEditionItCites() {
        Finding finding = evaluate(ictReport, named("Report covers AMD2", "test_reports",
                new Check.Contains(null, List.of("IEC 62368-1:2014+AMD2:2020"))));
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.evidence()).first().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Evidence.Kind.CLOSEST_MATCH);
            assertThat(e.page()).isEqualTo(1);
            assertThat(e.quote()).isEqualTo("Standard: IEC 62368-1:2014+A11:2017");
        });
        assertThat(finding.reasoning()).contains("Closest to \u201cIEC 62368-1:2014+AMD2:2020\u201d in tr.pdf: "
                + "\u201cIEC 62368-1:2014+A11:2017\u201d (page 1).");
    }

    @Test
    void aPatternThatMatchesNowhereShowsTheNearestLiteralText() {
        Finding finding = evaluate(ictReport, named("Laboratory accredited to ISO/IEC 17025", "test_reports",
                new Check.Matches("ISO/IEC\\s*17025(:2017)?", null)));
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.evidence()).first().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Evidence.Kind.CLOSEST_MATCH);
            assertThat(e.quote()).isEqualTo("Laboratory accredited to ISO/IEC 17020:2012");
        });
        assertThat(finding.reasoning()).contains("in tr.pdf: \u201cISO/IEC 17020:2012\u201d (page 1)");
    }

    @Test
    void withNothingAlikeTheNearestPassageToTheCriterionIsShown() {
        EvaluatedDocument emc = document("emc.pdf", "test_reports", "Radiated emissions\nClass B limits met.",
                "Test laboratory: Delft EMC Lab\nAccreditation: none");
        Finding finding = evaluate(emc, named("Test laboratory accredited to ISO/IEC 17025", "test_reports",
                new Check.Contains(null, List.of("ISO/IEC 17025"))));
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.evidence()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.kind()).isEqualTo(Evidence.Kind.CLOSEST_MATCH));
        assertThat(finding.evidence().getFirst().page()).isEqualTo(2);
        assertThat(finding.reasoning()).contains("Nearest passage in emc.pdf, page 2: \u201c");
    }

    @Test
    void aPassNeverShowsAClosestMatch() {
        Finding finding = evaluate(emcDeclaration, named("Declaration names the EMC Directive", "declaration",
                new Check.Contains(List.of("2014/30/EU"), null)));
        assertThat(finding.verdict()).isEqualTo(Verdict.PASS);
        assertThat(finding.evidence()).extracting(Evidence::kind).containsOnly(Evidence.Kind.QUOTE);
    }

    @Test
    void unrelatedTextIsNoClosestMatch() {
        EvaluatedDocument manual = document("um.pdf", "manual", "Keep the appliance dry.\nClean with a soft cloth.");
        Finding finding = evaluate(manual, named("Declaration names LVD", "manual",
                new Check.Contains(List.of("2014/35/EU"), null)));
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.evidence()).isEmpty();
        assertThat(finding.reasoning()).isEqualTo("\u201c2014/35/EU\u201d not found in um.pdf.");
    }
}

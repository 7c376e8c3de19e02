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
class SignedCheckTests extends EvaluationFixture {

    @Test
    void aValidDigitalSignaturePasses() {
        EvaluatedDocument unsigned = document("u.pdf", "b", "No signature block here");
        Finding finding = evaluation.evaluate(criterion(List.of("b"), new Check.Signed()),
                List.of(Documents.signed(unsigned, new SignatureFact("CN=Jan Petersen", true, true))), AS_OF);
        assertThat(finding.verdict()).isEqualTo(Verdict.PASS);
        assertThat(finding.reasoning()).contains("digitally signed by CN=Jan Petersen");
    }

    @Test
    void anInvalidDigitalSignatureDoesNotCount() {
        EvaluatedDocument unsigned = document("u.pdf", "b", "Place and date of issue: Cambridge, 2 April 2025");
        Finding finding = evaluation.evaluate(criterion(List.of("b"), new Check.Signed()),
                List.of(Documents.signed(unsigned, new SignatureFact("Mallory", false, false))), AS_OF);
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.reasoning()).contains("does not verify");
    }

    @Test
    void aSignatureLabelWithANamePassesQuotingTheBlock() {
        Finding finding = evaluate(List.of("declaration"), new Check.Signed());
        assertThat(finding.verdict()).isEqualTo(Verdict.PASS);
        assertThat(finding.evidence()).singleElement().extracting(Evidence::quote)
                .isEqualTo("Signature: Jan Petersen");
    }

    @Test
    void aSignatureTableWithNamesOnTheNextLinePasses() {
        EvaluatedDocument tr = document("tr.pdf", "b", "10. Signatures\nThe tests were performed by the undersigned.\n"
                + "Tested by (name, signature) Approved by (name, signature)\nAnna Keller\tDr. Markus Brandt\n"
                + "Test engineer\tTechnical reviewer");
        Finding finding = evaluation.evaluate(criterion(List.of("b"), new Check.Signed()), List.of(tr), AS_OF);
        assertThat(finding.verdict()).isEqualTo(Verdict.PASS);
        assertThat(finding.evidence().getFirst().quote())
                .isEqualTo("Tested by (name, signature) Approved by (name, signature)\nAnna Keller");
    }

    @Test
    void aLabelWithADatePasses() {
        EvaluatedDocument doc = document("d.pdf", "b", "Unterschrift: 12.03.2025");
        assertThat(evaluation.evaluate(criterion(List.of("b"), new Check.Signed()), List.of(doc), AS_OF).verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void headingsCompaniesRolesAndBlanksAreNoSignature() {
        for (String text : List.of("10. Signatures\nThe tests were performed by the undersigned.",
                "Signed for and on behalf of: Kestrel Power Systems B.V.",
                "Signed by: Kestrel Power Systems B.V.",
                "Signature: Managing Director",
                "Signature: ____________\nDate: ________",
                "Place and date of issue: Cambridge, 2 April 2025",
                "The accreditation body is a signatory to the agreements.\nJohn Smith")) {
            EvaluatedDocument doc = document("d.pdf", "b", text);
            assertThat(evaluation.evaluate(criterion(List.of("b"), new Check.Signed()), List.of(doc), AS_OF)
                    .verdict()).as(text).isEqualTo(Verdict.FAIL);
        }
    }

    private Finding signed(String... pages) {
        EvaluatedDocument doc = document("d.pdf", "b", pages);
        Finding finding = evaluation.evaluate(criterion(List.of("b"), new Check.Signed()), List.of(doc), AS_OF);
        assertExact(finding.evidence(), List.of(doc));
        return finding;
    }

    @Test
    void aSignatureTableOnTheLastPageOfALongReportPassesQuotingNameAndDate() {
        List<String> pages = new ArrayList<>();
        for (int i = 1; i < 161; i++) {
            pages.add("Clause " + i + "\nResult: PASS");
        }
        pages.add("12 Signatures\nName | Function | Signature | Date\nDr. Anna Keller | Head of Testing | | 2025-03-10\n"
                + "Markus Brandt | Technical Reviewer | | 2025-03-11");
        Finding finding = signed(pages.toArray(String[]::new));
        assertThat(finding.verdict()).isEqualTo(Verdict.PASS);
        assertThat(finding.evidence()).singleElement().satisfies(e -> {
            assertThat(e.page()).isEqualTo(161);
            assertThat(e.quote()).isEqualTo("Dr. Anna Keller | Head of Testing | | 2025-03-10");
        });
        assertThat(finding.reasoning()).isEqualTo("d.pdf has a signature block on page 161: Dr. Anna Keller, 2025-03-10.");
    }

    @Test
    void aSignatureTableReadAsColumnsWithoutBarsPasses() {
        Finding finding = signed("Name Function Signature Date\nJan Petersen Managing Director 10.03.2025");
        assertThat(finding.verdict()).isEqualTo(Verdict.PASS);
        assertThat(finding.evidence().getFirst().quote()).isEqualTo("Jan Petersen Managing Director 10.03.2025");
    }

    @Test
    void aSignatureTableWithEmptyDateCellsIsNotSigned() {
        Finding finding = signed("Name | Function | Signature | Date\nDr. Anna Keller | Head of Testing | |\n"
                + "Markus Brandt | Technical Reviewer | |\n\nAll tests passed.");
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aScannedDeclarationWithADrawnSignatureThenNameAndDatePasses() {
        Finding finding = signed("EU Declaration of Conformity\nWe declare under our sole responsibility ...\n"
                + "Signature:\n~ Jf/\nJan Petersen\nManaging Director\nHamburg, 10 March 2025");
        assertThat(finding.verdict()).isEqualTo(Verdict.PASS);
        assertThat(finding.evidence().getFirst().quote())
                .isEqualTo("Signature:\n~ Jf/\nJan Petersen\nManaging Director\nHamburg, 10 March 2025");
        assertThat(finding.reasoning()).contains(": Jan Petersen, 10 March 2025.");
    }

    @Test
    void aScribbleReadAsLettersRunIntoSymbolsIsNoiseTooAndNameFunctionAndDateFollow() {
        Finding finding = signed("Signed for and.on behalf of: Vireo Networks GmbH\n\nSignature: layayar2>->\n\n"
                + "Dr. Jonas Weber, Managing Director\nDate: 2025-04-03 _");
        assertThat(finding.verdict()).isEqualTo(Verdict.PASS);
        assertThat(finding.reasoning()).endsWith(": Dr. Jonas Weber, 2025-04-03.");
        assertThat(signed("Unterschrift: NIDaLs\n\nDr. Jonas Weber, Geschäftsführer\nHamburg, 03.04.2025").reasoning())
                .endsWith(": Dr. Jonas Weber, 03.04.2025.");
        assertThat(signed("Signature: Managing Director\nJan Petersen\n2025-04-03").verdict())
                .as("a role after the label is no scribble: the lines after it are not searched")
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void aDrawnSignatureReadAsNoiseOnTheLabelsLineThenLabelledNameAndDatePasses() {
        Finding finding = signed("Signature: Ji~\nName: Dr. Eva Lindqvist\nDate: 2025-03-10");
        assertThat(finding.verdict()).isEqualTo(Verdict.PASS);
        assertThat(finding.evidence().getFirst().quote()).isEqualTo("Signature: Ji~\nName: Dr. Eva Lindqvist\nDate: 2025-03-10");
    }

    @Test
    void aPrintedNameWithoutADateOrAfterABlankIsNoSignature() {
        for (String text : List.of("Signature:\nName: Jan Petersen\nFunction: Managing Director",
                "Signature: ______________\nName: Jan Petersen\nDate: 2025-03-10",
                "Signature:\n\nThe declaration was drawn up under the sole responsibility of the manufacturer.\n"
                        + "Jan Petersen 2025-03-10")) {
            assertThat(signed(text).verdict()).as(text).isEqualTo(Verdict.FAIL);
        }
    }

    @Test
    void aDigitalSignaturePointsAtItsFieldsPageWithSignerTimeAndCoverage() {
        EvaluatedDocument doc = document("s.pdf", "b", "Cover", "Declaration", "Annex");
        SignatureFact fact = new SignatureFact("Jan Petersen", true, true, java.time.Instant.parse(
                "2025-03-10T09:15:00Z"), 2);
        Finding finding = evaluation.evaluate(criterion(List.of("b"), new Check.Signed()),
                List.of(Documents.signed(doc, fact)), AS_OF);
        assertThat(finding.verdict()).isEqualTo(Verdict.PASS);
        assertThat(finding.evidence()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Evidence.Kind.DIGITAL_SIGNATURE);
            assertThat(e.page()).isEqualTo(2);
            assertThat(e.quote()).isNull();
            assertThat(e.signature()).isEqualTo(fact);
        });
        assertThat(finding.reasoning()).isEqualTo("s.pdf is digitally signed by Jan Petersen. Signed on 2025-03-10 "
                + "09:15 UTC. Its signature field is on page 2.");
    }

    @Test
    void aFileChangedAfterItWasSignedIsNotSignedAsItStands() {
        EvaluatedDocument doc = document("s.pdf", "b", "Cover", "Test report, all clauses passed");
        SignatureFact changed = new SignatureFact("Jan Petersen", true, false, null, 2);
        Finding finding = evaluation.evaluate(criterion(List.of("b"), new Check.Signed()),
                List.of(Documents.signed(doc, changed)), AS_OF);
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.reasoning()).isEqualTo("s.pdf is digitally signed by Jan Petersen, but the file was changed "
                + "after signing. Its signature field is on page 2.");
        assertThat(finding.evidence()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Evidence.Kind.DIGITAL_SIGNATURE);
            assertThat(e.page()).isEqualTo(2);
        });

        EvaluatedDocument alsoSignedByHand = document("h.pdf", "b", "Cover", "Signature: Jan Petersen");
        Finding byHand = evaluation.evaluate(criterion(List.of("b"), new Check.Signed()),
                List.of(Documents.signed(alsoSignedByHand, changed)), AS_OF);
        assertThat(byHand.verdict()).isEqualTo(Verdict.PASS);
        assertThat(byHand.reasoning()).contains("changed after signing").contains("signature block on page 2");
    }
}

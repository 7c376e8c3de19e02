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
}

package com.qteria.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.document.DocumentId;
import com.qteria.evaluation.AssessedDocument;
import com.qteria.evaluation.Confidence;
import com.qteria.evaluation.EvaluationPipeline;
import com.qteria.evaluation.EvaluatedDocument;
import com.qteria.evaluation.Evaluation;
import com.qteria.evaluation.ReasonText;
import com.qteria.evaluation.Source;
import com.qteria.evaluation.Verdict;
import com.qteria.workflow.Bucket;
import com.qteria.workflow.Check;
import com.qteria.workflow.Criterion;
import com.qteria.workflow.Severity;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A small generated case through {@link AssessmentRun} (the evaluation pipeline, collected): order, checks, retrieval, unreadable documents. */
class AssessmentRunTests {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 16);

    /** Reports and manual required, the risk assessment optional. */
    private static final List<Bucket> BUCKETS = List.of(new Bucket(UUID.randomUUID(), "reports", "Reports", true, 0),
            new Bucket(UUID.randomUUID(), "manual", "Manual", true, 1),
            new Bucket(UUID.randomUUID(), "risk", "Risk assessment", false, 2));

    private final EvaluationPipeline pipeline = new EvaluationPipeline(new Evaluation());

    private final Criterion standard = criterion("tr_standard", Severity.REQUIRED, List.of("reports"),
            List.of(new Check.Contains(List.of("IEC 62368-1"), null)));
    private final Criterion draft = criterion("manual_final", Severity.ADVISORY, List.of("manual"),
            List.of(new Check.NotContains(List.of("draft"))));
    private final Criterion warnings = criterion("manual_warnings", Severity.REQUIRED, List.of("manual"), List.of());

    private final EvaluatedDocument report = document("report.pdf", "reports",
            "Test report\nTest specification: IEC 62368-1:2018", "Overall verdict: PASS");
    private final EvaluatedDocument manual = document("manual.pdf", "manual",
            "User manual (draft)", "WARNING Risk of electric shock. Do not open the enclosure.");

    @Test
    void evaluatesEveryCriterionInTheWorkflowsOrderAndSummarises() {
        AssessmentResults results = assess(List.of(standard, draft, warnings),
                List.of(new AssessedDocument.Read(report), new AssessedDocument.Read(manual)));

        assertThat(results.results()).extracting(r -> r.criterion().key())
                .containsExactly("tr_standard", "manual_final", "manual_warnings");
        assertThat(results.results()).extracting(CriterionResult::verdict)
                .containsExactly(Verdict.PASS, Verdict.FAIL, Verdict.NEEDS_REVIEW);
        assertThat(results.summary()).isEqualTo(new Summary(Verdict.NEEDS_REVIEW, 1, 1, 1, 0, 3));

        CriterionResult passed = results.results().getFirst();
        assertThat(passed.criterion()).isEqualTo(new CriterionRef(standard.id(), "tr_standard", standard.name(),
                Severity.REQUIRED));
        assertThat(passed.source()).isEqualTo(Source.CHECKS);
        assertThat(passed.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(passed.evidence()).singleElement().satisfies(e -> {
            assertThat(e.documentId()).isEqualTo(new DocumentId(report.id()));
            assertThat(e.documentName()).isEqualTo("report.pdf");
            assertThat(e.page()).isEqualTo(1);
            assertThat(e.quote()).contains("IEC 62368-1");
            assertThat(e.verified()).isTrue();
        });
        assertThat(passed.review()).isNull();

        CriterionResult retrieved = results.results().get(2);
        assertThat(retrieved.source()).isEqualTo(Source.RETRIEVAL);
        assertThat(retrieved.evidence()).isNotEmpty().hasSizeLessThanOrEqualTo(Evaluation.PASSAGES);
        assertThat(retrieved.evidence().getFirst().page()).isEqualTo(2);
    }

    @Test
    void aRejectedDocumentMakesTheCriteriaOfItsBucketNeedReviewWithTheReason() {
        List<AssessedDocument> documents = List.of(new AssessedDocument.Read(report),
                new AssessedDocument.Rejected(UUID.randomUUID(), "manual.pdf", "manual", "The file is encrypted."));

        AssessmentResults results = assess(List.of(standard, draft), documents);

        assertThat(results.results().getFirst().verdict()).isEqualTo(Verdict.PASS);
        CriterionResult unread = results.results().get(1);
        assertThat(unread.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(unread.confidence()).isEqualTo(Confidence.LOW);
        assertThat(unread.reasoning()).startsWith("manual.pdf could not be read: The file is encrypted.");
    }

    @Test
    void unreadPagesNeverLetACheckPassOnTextThatWasNotRead() {
        EvaluatedDocument scanned = document("scan.pdf", "manual", "User manual", "");
        CriterionResult result = assess(List.of(draft), List.of(new AssessedDocument.Read(scanned, List.of(2))))
                .results().getFirst();

        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(result.reasoning()).startsWith("The content of page 2 of scan.pdf could not be read");
    }

    @Test
    void aCriterionWhoseBucketsAreAllOptionalAndEmptyIsNotApplicableAndLeavesThePassAlone() {
        Criterion method = criterion("ra_method", Severity.REQUIRED, List.of("risk"),
                List.of(new Check.Contains(List.of("ISO 12100"), null)));
        Criterion residual = criterion("ra_residual", Severity.REQUIRED, List.of("risk"), List.of());
        Criterion mixed = criterion("risk_or_report", Severity.REQUIRED, List.of("risk", "reports"),
                List.of(new Check.Contains(List.of("IEC 62368-1"), null)));

        AssessmentResults results = assess(List.of(standard, method, residual, mixed),
                List.of(new AssessedDocument.Read(report), new AssessedDocument.Read(manual)));

        assertThat(results.results()).extracting(CriterionResult::verdict).containsExactly(Verdict.PASS,
                Verdict.NOT_APPLICABLE, Verdict.NOT_APPLICABLE, Verdict.PASS);
        assertThat(results.summary()).isEqualTo(new Summary(Verdict.PASS, 2, 0, 0, 2, 4));
        CriterionResult notApplicable = results.results().get(2);
        assertThat(notApplicable.evidence()).isEmpty();
        assertThat(notApplicable.rendered(ReasonText.standalone(), Locale.ENGLISH, key -> "Risk assessment")
                .reasoning()).isEqualTo("Not applicable \u2014 no document in Risk assessment.");
        assertThat(notApplicable.rendered(ReasonText.standalone(), Locale.GERMAN, key -> "Risikobeurteilung")
                .reasoning()).isEqualTo("Nicht anwendbar \u2014 kein Dokument in Risikobeurteilung.");
    }

    @Test
    void anOptionalBucketGivenOnlyAnUnreadableDocumentIsStillApplicable() {
        Criterion method = criterion("ra_method", Severity.REQUIRED, List.of("risk"),
                List.of(new Check.Contains(List.of("ISO 12100"), null)));

        AssessmentResults results = assess(List.of(method), List.of(new AssessedDocument.Read(report),
                new AssessedDocument.Rejected(UUID.randomUUID(), "risk.pdf", "risk", "It is password-protected.")));

        assertThat(results.results().getFirst().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(results.summary().overall()).isEqualTo(Verdict.NEEDS_REVIEW);
    }

    @Test
    void aRequiredBucketWithoutADocumentStillNeedsReview() {
        AssessmentResults results = assess(List.of(warnings), List.of(new AssessedDocument.Read(report)));

        assertThat(results.results().getFirst().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    }

    @Test
    void namesTheRequiredBucketsWithoutADocument() {
        List<Bucket> buckets = List.of(new Bucket(UUID.randomUUID(), "reports", "Reports", true, 0),
                new Bucket(UUID.randomUUID(), "manual", "Manual", true, 1),
                new Bucket(UUID.randomUUID(), "extra", "Extra", false, 2));

        assertThat(AssessmentRun.missingRequiredBuckets(buckets, List.of("manual"))).containsExactly("reports");
        assertThat(AssessmentRun.missingRequiredBuckets(buckets, List.of("manual", "reports"))).isEmpty();
    }

    private AssessmentResults assess(List<Criterion> criteria, List<AssessedDocument> documents) {
        return AssessmentRun.assess(pipeline, criteria, BUCKETS, documents, AS_OF, null);
    }

    private static Criterion criterion(String key, Severity severity, List<String> appliesTo, List<Check> checks) {
        return new Criterion(UUID.randomUUID(), key, key.replace('_', ' '), "The user manual contains safety "
                + "warnings about electric shock.", appliesTo, severity, 0, checks);
    }

    private static EvaluatedDocument document(String name, String bucket, String... pages) {
        return new EvaluatedDocument(UUID.randomUUID(), name, bucket, List.of(pages), List.of());
    }
}

package com.qteria.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.qteria.evaluation.Confidence;
import com.qteria.evaluation.CriterionFinding;
import com.qteria.evaluation.Finding;
import com.qteria.evaluation.ModelUse;
import com.qteria.evaluation.Reason;
import com.qteria.evaluation.ReasonText;
import com.qteria.evaluation.Source;
import com.qteria.evaluation.Verdict;
import com.qteria.workflow.Criterion;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The verdict on one criterion with its evidence, as the results JSON shows it.
 * <p>
 * Decision: the reasons are stored as codes with parameters ({@code reasons}) next to their English text
 * ({@code reasoning}); a reader gets {@link #rendered} results, whose {@code reasoning} is said in its language and
 * which carry no {@code reasons} (API.md has {@code reasoning} only). Results stored before reasons existed have
 * {@code reasoning} alone, shown as stored.
 *
 * <p>
 * Decision (API.md "Human review"): a reviewed result's {@code verdict} is the review's, its {@code source}
 * {@code reviewer} and its confidence high, so that every reader of {@code verdict} (the summary, the page, reports)
 * follows the review; the machine's verdict, confidence and source are kept beside it in {@code machine}, and its
 * reasoning and evidence stay as they were. An unreviewed result has {@code review} null and no {@code machine}.
 * Stored results are always the machine's; reviews are applied when read.
 *
 * @param reasons why, as codes; null in results stored before they existed, and once rendered
 * @param review  a reviewer's decision; null when nobody reviewed the result
 * @param machine what the machine said, when a review replaced it in {@code verdict}; null otherwise
 */
public record CriterionResult(CriterionRef criterion, Verdict verdict, Confidence confidence, Source source,
        String reasoning, @JsonInclude(JsonInclude.Include.NON_NULL) List<Reason> reasons,
        List<EvidenceView> evidence, Review review, @JsonInclude(JsonInclude.Include.NON_NULL) ModelUse ai,
        @JsonInclude(JsonInclude.Include.NON_NULL) Machine machine) {

    /** The machine's finding on a reviewed result. */
    public record Machine(Verdict verdict, Confidence confidence, Source source) {
    }

    private static final ReasonText ENGLISH = ReasonText.standalone();

    public CriterionResult {
        reasons = reasons == null ? null : List.copyOf(reasons);
        evidence = List.copyOf(evidence);
    }

    /** The machine's finding on {@code criterion}, not yet reviewed. */
    public static CriterionResult of(Criterion criterion, Finding finding) {
        return of(new CriterionFinding(criterion, finding, null, true));
    }

    /** What the pipeline made of a criterion, not yet reviewed. */
    public static CriterionResult of(CriterionFinding found) {
        Finding finding = found.finding();
        return new CriterionResult(CriterionRef.of(found.criterion()), finding.verdict(), finding.confidence(),
                finding.source(), ENGLISH.english(finding.reasons()), finding.reasons(),
                finding.evidence().stream().map(EvidenceView::of).toList(), null, found.ai(), null);
    }

    /** This machine result as {@code review} decided it; itself when {@code review} is null. */
    public CriterionResult reviewed(Review review) {
        if (review == null) {
            return this;
        }
        Machine said = machine == null ? new Machine(verdict, confidence, source) : machine;
        return new CriterionResult(criterion, review.verdict(), Confidence.HIGH, Source.REVIEWER, reasoning, reasons,
                evidence, review, ai, said);
    }

    /** The machine's verdict, whether or not the result was reviewed. */
    public Verdict machineVerdict() {
        return machine == null ? verdict : machine.verdict();
    }

    /** For a reader: the reasoning said in {@code locale}, buckets by {@code bucketName}; the stored text without reasons. */
    public CriterionResult rendered(ReasonText text, Locale locale, Function<String, String> bucketName) {
        String said = reasons == null ? reasoning : text.render(reasons, locale, bucketName);
        return new CriterionResult(criterion, verdict, confidence, source, said, null, evidence, review, ai, machine);
    }
}

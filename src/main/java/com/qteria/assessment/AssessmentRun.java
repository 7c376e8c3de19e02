package com.qteria.assessment;

import com.qteria.evaluation.AiBatch;
import com.qteria.evaluation.AiEvaluation;
import com.qteria.evaluation.AiOutcome;
import com.qteria.evaluation.Confidence;
import com.qteria.evaluation.LanguageModelException;
import com.qteria.evaluation.Source;
import com.qteria.evaluation.EvaluatedDocument;
import com.qteria.evaluation.Evaluation;
import com.qteria.evaluation.Finding;
import com.qteria.evaluation.Verdict;
import com.qteria.workflow.Bucket;
import com.qteria.workflow.Criterion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Evaluates a workflow's criteria against an assessment's documents and assembles the results: pure, no storage, no
 * I/O beyond what {@link Evaluation} does. The server's job (criterion by criterion, for progress) and the
 * {@code assess} command call the same methods.
 * <p>
 * Decisions:
 * <ul>
 * <li>Results keep the order of the criteria given (the workflow's order).</li>
 * <li>A criterion routed to a document that could not be read — rejected as a whole, or with pages whose content
 *     is unknown (no text layer, no OCR) — is never passed or failed: it needs review, with low confidence, the
 *     reason first in its reasoning and whatever evidence the readable documents gave. Unread text can prove neither
 *     presence nor absence (a {@code not_contains} check would pass on an empty page: a false pass), and a package
 *     with an unreadable document has to go back to a person anyway.</li>
 * </ul>
 * Stateless and thread-safe: a bean for the server, {@code new AssessmentRun(new Evaluation())} for the command.
 */
@Component
public final class AssessmentRun {

    private final Evaluation evaluation;

    public AssessmentRun(Evaluation evaluation) {
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
    }

    /** Every criterion, in order; {@code asOf} is the assessment date that {@code date_not_older} counts from. */
    public AssessmentResults assess(List<Criterion> criteria, List<AssessedDocument> documents, LocalDate asOf) {
        return assess(criteria, documents, asOf, null);
    }

    /**
     * Every criterion, in order, criteria without checks put to {@code ai} in batches (as the server's job does);
     * {@code ai} null: no model, criteria without checks get retrieval's passages.
     *
     * @throws LanguageModelException when the provider refused the calls (key, billing…): the assessment cannot go on
     */
    public AssessmentResults assess(List<Criterion> criteria, List<AssessedDocument> documents, LocalDate asOf,
            AiEvaluation ai) {
        Map<String, CriterionResult> results = new HashMap<>();
        for (Criterion criterion : criteria) {
            if (!needsAi(criterion, ai)) {
                results.put(criterion.key(), assess(criterion, documents, asOf));
            }
        }
        List<Criterion> rest = criteria.stream().filter(c -> !results.containsKey(c.key())).toList();
        List<AiBatch> batches = planAi(rest, documents, ai);
        for (AiBatch batch : batches) {
            try {
                assessBatch(batch, documents, ai).results().forEach(r -> results.put(r.criterion().key(), r));
            } catch (LanguageModelException e) {
                if (e.refused()) {
                    throw e;
                }
                batch.criteria().forEach(c -> results.put(c.key(), unavailable(c, documents, e)));
            }
        }
        for (Criterion criterion : rest) {
            results.computeIfAbsent(criterion.key(), k -> assess(criterion, documents, asOf));
        }
        return AssessmentResults.of(criteria.stream().map(c -> results.get(c.key())).toList());
    }

    /** One criterion against the documents of its buckets, by its checks or, without checks, by retrieval. */
    public CriterionResult assess(Criterion criterion, List<AssessedDocument> documents, LocalDate asOf) {
        return result(criterion, evaluation.evaluate(criterion, readable(documents), asOf), documents, null);
    }

    /** Whether the criterion is for the AI: it has no checks and a model is configured. */
    public static boolean needsAi(Criterion criterion, AiEvaluation ai) {
        return ai != null && (criterion.checks() == null || criterion.checks().isEmpty());
    }

    /**
     * The calls for {@code criteria} (all without checks), over the readable documents. Criteria routed to no
     * readable document are not in any batch: {@link #assess(Criterion, List, LocalDate)} says why they need review.
     */
    public List<AiBatch> planAi(List<Criterion> criteria, List<AssessedDocument> documents, AiEvaluation ai) {
        return ai == null || criteria.isEmpty() ? List.of() : ai.plan(criteria, readable(documents));
    }

    /** The results of one batch, and what it cost. */
    public record BatchResults(List<CriterionResult> results, AiOutcome outcome) {
    }

    /**
     * One batch through the model; results in the batch's order.
     *
     * @throws LanguageModelException when the provider failed beyond its retries or refused the call
     */
    public BatchResults assessBatch(AiBatch batch, List<AssessedDocument> documents, AiEvaluation ai) {
        AiOutcome outcome = ai.evaluate(batch);
        CriterionResult.AiContext context = new CriterionResult.AiContext(outcome.model(),
                outcome.pagesSent().isEmpty() ? null : outcome.pagesSent());
        List<CriterionResult> results = new ArrayList<>();
        for (int i = 0; i < batch.criteria().size(); i++) {
            results.add(result(batch.criteria().get(i), outcome.findings().get(i), documents, context));
        }
        return new BatchResults(results, outcome);
    }

    /**
     * A criterion the AI could not be asked about because the provider stayed unavailable: it needs review, with
     * retrieval's passages and the reason. Never cached: the next run asks again.
     */
    public CriterionResult unavailable(Criterion criterion, List<AssessedDocument> documents,
            LanguageModelException e) {
        Finding retrieval = evaluation.evaluate(criterion, readable(documents), LocalDate.EPOCH);
        Finding finding = new Finding(criterion.key(), Verdict.NEEDS_REVIEW, Confidence.LOW, Source.RETRIEVAL,
                e.plainMessage() + " This criterion was not judged by the AI; run the assessment again later, or "
                        + "review the passages shown.", retrieval.evidence(), List.of());
        return result(criterion, finding, documents, null);
    }

    private static List<EvaluatedDocument> readable(List<AssessedDocument> documents) {
        return documents.stream()
                .filter(d -> d instanceof AssessedDocument.Read)
                .map(d -> ((AssessedDocument.Read) d).document())
                .toList();
    }

    /** The finding as a result; needs review with the reason first when a routed document was not (fully) read. */
    private static CriterionResult result(Criterion criterion, Finding finding, List<AssessedDocument> documents,
            CriterionResult.AiContext ai) {
        List<String> unreadable = documents.stream()
                .filter(d -> routes(criterion, d.bucket()))
                .map(AssessmentRun::unreadable)
                .filter(Objects::nonNull)
                .toList();
        if (unreadable.isEmpty()) {
            return CriterionResult.of(criterion, finding, ai);
        }
        String reasoning = String.join("\n", unreadable) + "\n" + finding.reasoning();
        return CriterionResult.of(criterion, new Finding(finding.criterionKey(), Verdict.NEEDS_REVIEW, Confidence.LOW,
                finding.source(), reasoning, finding.evidence(), finding.checks()), ai);
    }

    /**
     * The keys of required buckets without any document (the API's {@code MISSING_REQUIRED_BUCKETS}), in the
     * workflow's order.
     */
    public static List<String> missingRequiredBuckets(List<Bucket> buckets, Collection<String> givenBuckets) {
        return buckets.stream().filter(Bucket::required).map(Bucket::key)
                .filter(key -> !givenBuckets.contains(key)).toList();
    }

    private static boolean routes(Criterion criterion, String bucket) {
        return criterion.appliesTo() != null
                && (criterion.appliesToAllBuckets() || criterion.appliesTo().contains(bucket));
    }

    /** Why (part of) the document could not be read, or null when all of it was. */
    private static String unreadable(AssessedDocument document) {
        return switch (document) {
            case AssessedDocument.Rejected rejected -> rejected.name() + " could not be read: " + rejected.reason();
            case AssessedDocument.Read read when !read.unreadPages().isEmpty() -> read.name() + ": the content of "
                    + pages(read.unreadPages()) + " could not be read (no text layer, and OCR was not available)";
            case AssessedDocument.Read read -> null;
        };
    }

    private static String pages(List<Integer> numbers) {
        List<String> shown = new ArrayList<>(numbers.stream().limit(10).map(String::valueOf).toList());
        if (numbers.size() > 10) {
            shown.add("… (" + numbers.size() + " pages)");
        }
        return (numbers.size() == 1 ? "page " : "pages ") + String.join(", ", shown);
    }
}

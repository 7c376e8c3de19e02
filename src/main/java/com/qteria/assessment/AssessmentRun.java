package com.qteria.assessment;

import com.qteria.evaluation.Confidence;
import com.qteria.evaluation.EvaluatedDocument;
import com.qteria.evaluation.Evaluation;
import com.qteria.evaluation.Finding;
import com.qteria.evaluation.Verdict;
import com.qteria.workflow.Bucket;
import com.qteria.workflow.Criterion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
        return AssessmentResults.of(criteria.stream().map(c -> assess(c, documents, asOf)).toList());
    }

    /** One criterion against the documents of its buckets. */
    public CriterionResult assess(Criterion criterion, List<AssessedDocument> documents, LocalDate asOf) {
        List<EvaluatedDocument> readable = documents.stream()
                .filter(d -> d instanceof AssessedDocument.Read)
                .map(d -> ((AssessedDocument.Read) d).document())
                .toList();
        Finding finding = evaluation.evaluate(criterion, readable, asOf);
        List<String> unreadable = documents.stream()
                .filter(d -> routes(criterion, d.bucket()))
                .map(AssessmentRun::unreadable)
                .filter(Objects::nonNull)
                .toList();
        if (unreadable.isEmpty()) {
            return CriterionResult.of(criterion, finding);
        }
        String reasoning = String.join("\n", unreadable) + "\n" + finding.reasoning();
        return CriterionResult.of(criterion, new Finding(finding.criterionKey(), Verdict.NEEDS_REVIEW, Confidence.LOW,
                finding.source(), reasoning, finding.evidence(), finding.checks()));
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

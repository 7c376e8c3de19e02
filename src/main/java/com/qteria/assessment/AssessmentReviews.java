package com.qteria.assessment;

import com.qteria.assessment.AssessmentEvent.FeedbackGiven;
import com.qteria.assessment.AssessmentEvent.ResultReviewed;
import com.qteria.assessment.AssessmentEvent.ReviewRemoved;
import com.qteria.assessment.AssessmentEvent.ReviewsCarriedOver;
import com.qteria.assessment.persistence.Assessments;
import com.qteria.assessment.persistence.Reviews;
import com.qteria.evaluation.Verdict;
import com.qteria.identity.CurrentUser;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.FieldError;
import com.qteria.shared.Ids;
import com.qteria.shared.ProblemCode;
import com.qteria.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People's review of a completed assessment's results (API.md "Human review"): a review confirms or overrides the
 * machine's verdict on one criterion and the summary follows it; undoing it restores the machine's verdict; feedback
 * says whether the machine was right. Every role may review (assessments are every role's); each change is audited.
 * <p>
 * Decisions: a review that differs from the machine's verdict needs a comment (PRODUCT.md: "override with a comment
 * where the machine is wrong"), a confirmation does not; comments are at most {@value #COMMENT_LIMIT} characters.
 * Reviews and the summary change under the assessment's row lock, one at a time, so concurrent reviews never leave a
 * summary that misses one of them.
 */
@Service
public class AssessmentReviews {

    /** The longest comment on a review or feedback, in characters. */
    public static final int COMMENT_LIMIT = 2000;

    private final Assessments assessments;
    private final Reviews reviews;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssessmentReviews(Assessments assessments, Reviews reviews, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.assessments = assessments;
        this.reviews = reviews;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Confirms or overrides the machine's verdict on {@code criterionKey}; replaces an earlier review. */
    public void review(CurrentUser user, AssessmentId id, String criterionKey, ReviewRequest request) {
        transactions.executeWithoutResult(tx -> {
            Assessment assessment = completed(user.tenantId(), id);
            CriterionResult result = result(assessment, criterionKey);
            Verdict verdict = validate(request, result.machineVerdict());
            Review review = new Review(verdict, trim(request.comment()), reviewer(user), now());
            reviews.save(assessment, criterionKey, review);
            assessments.summarise(assessment, Summary.of(current(assessment.id())));
            events.publishEvent(new ResultReviewed(user.tenantId(), user.email(), id, criterionKey, verdict.json(),
                    result.machineVerdict().json(), review.comment()));
        });
    }

    /** Undoes the review of {@code criterionKey}: the machine's verdict counts again. 404 when there is none. */
    public void removeReview(CurrentUser user, AssessmentId id, String criterionKey) {
        transactions.executeWithoutResult(tx -> {
            Assessment assessment = completed(user.tenantId(), id);
            CriterionResult result = result(assessment, criterionKey);
            if (result.review() == null || !reviews.delete(assessment.id(), criterionKey)) {
                throw ApiProblem.notFound("Review");
            }
            assessments.summarise(assessment, Summary.of(current(assessment.id())));
            events.publishEvent(new ReviewRemoved(user.tenantId(), user.email(), id, criterionKey,
                    result.verdict().json(), result.machineVerdict().json()));
        });
    }

    /** Records whether the machine's verdict on {@code criterionKey} was correct. */
    public Feedback feedback(CurrentUser user, AssessmentId id, String criterionKey, FeedbackRequest request) {
        return transactions.execute(tx -> {
            Assessment assessment = completed(user.tenantId(), id);
            CriterionResult result = result(assessment, criterionKey);
            List<FieldError> errors = new ArrayList<>();
            if (request == null || request.correct() == null) {
                errors.add(new FieldError("correct", "Say whether the verdict was correct: true or false."));
            }
            commentLength(request == null ? null : request.comment(), errors);
            if (!errors.isEmpty()) {
                throw ApiProblem.validation(errors);
            }
            Feedback feedback = new Feedback(Ids.next(), criterionKey, request.correct(), trim(request.comment()),
                    result.machineVerdict(), reviewer(user), now());
            reviews.saveFeedback(assessment, feedback);
            events.publishEvent(new FeedbackGiven(user.tenantId(), user.email(), id, criterionKey, feedback.correct(),
                    feedback.machineVerdict().json(), feedback.comment()));
            return feedback;
        });
    }

    /**
     * For a re-run about to complete: takes over its parent's reviews of the criteria whose finding it reused, that
     * is, stored under the same reuse key (same criterion definition, same routed documents by content, same
     * evaluator) and with the same machine verdict; a criterion whose inputs or verdict changed starts unreviewed.
     * Each carried review keeps its reviewer, time and comment and names the assessment it was made on. Carrying again
     * (a resumed job) replaces what was carried before. Returns the re-run's results as reviewed, for its summary.
     */
    public List<CriterionResult> carryOver(Assessment rerun) {
        AssessmentId parent = rerun.pinned().parentId();
        if (parent == null) {
            return current(rerun.id());
        }
        return transactions.execute(tx -> {
            Map<String, Assessments.StoredResult> before = new HashMap<>();
            assessments.results(parent).forEach(r -> before.put(r.result().criterion().key(), r));
            Map<String, Review> reviewed = reviews.of(parent);
            reviews.deleteAll(rerun.id());
            List<String> carried = new ArrayList<>();
            for (Assessments.StoredResult now : assessments.results(rerun.id())) {
                String key = now.result().criterion().key();
                Assessments.StoredResult then = before.get(key);
                Review review = reviewed.get(key);
                if (review != null && then != null && then.reuseKey().equals(now.reuseKey())
                        && then.result().machineVerdict() == now.result().machineVerdict()) {
                    reviews.save(rerun, key, review.carriedFrom(parent));
                    carried.add(key);
                }
            }
            if (!carried.isEmpty()) {
                events.publishEvent(new ReviewsCarriedOver(rerun.tenant(), "system", rerun.id(), parent, carried));
            }
            return current(rerun.id());
        });
    }

    /** The machine's results in the workflow's order, each as its review (if any) decided it. */
    List<CriterionResult> current(AssessmentId id) {
        Map<String, Review> reviewed = reviews.of(id);
        return assessments.results(id).stream().map(Assessments.StoredResult::result)
                .map(r -> r.reviewed(reviewed.get(r.criterion().key()))).toList();
    }

    /** 409 ASSESSMENT_NOT_READY for an assessment that has not completed: it has no results yet. */
    static ApiProblem notReady(Assessment assessment) {
        return new ApiProblem(ProblemCode.ASSESSMENT_NOT_READY, "The assessment is "
                + assessment.status().value() + "; results exist once it has completed.");
    }

    private Assessment completed(TenantId tenant, AssessmentId id) {
        Assessment assessment = assessments.lock(tenant, id).orElseThrow(() -> ApiProblem.notFound("Assessment"));
        if (assessment.status() != AssessmentStatus.COMPLETED) {
            throw notReady(assessment);
        }
        return assessment;
    }

    private CriterionResult result(Assessment assessment, String criterionKey) {
        return current(assessment.id()).stream().filter(r -> r.criterion().key().equals(criterionKey)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Criterion"));
    }

    private static Verdict validate(ReviewRequest request, Verdict machine) {
        List<FieldError> errors = new ArrayList<>();
        Verdict verdict = request == null ? null : verdict(request.verdict());
        if (verdict == null) {
            errors.add(new FieldError("verdict", "Choose pass or fail."));
        }
        String comment = request == null ? null : trim(request.comment());
        if (verdict != null && verdict != machine && comment == null) {
            errors.add(new FieldError("comment", "Say why the verdict differs from the machine's ("
                    + machine.json().replace('_', ' ') + ")."));
        }
        commentLength(comment, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return verdict;
    }

    private static Verdict verdict(String value) {
        return value == null ? null : switch (value.strip()) {
            case "pass" -> Verdict.PASS;
            case "fail" -> Verdict.FAIL;
            default -> null;
        };
    }

    private static void commentLength(String comment, List<FieldError> errors) {
        if (comment != null && comment.strip().length() > COMMENT_LIMIT) {
            errors.add(new FieldError("comment", "At most " + COMMENT_LIMIT + " characters."));
        }
    }

    private static Review.Reviewer reviewer(CurrentUser user) {
        return new Review.Reviewer(user.id(), user.name() == null || user.name().isBlank() ? user.email() : user.name());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS); // as the database keeps it
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

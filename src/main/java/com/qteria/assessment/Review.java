package com.qteria.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.qteria.evaluation.Verdict;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's decision on one result: {@code pass} or {@code fail}, why, by whom and when; JSON
 * {@code {verdict, comment, by: {id, name}, at}}. The machine's finding stays as it was: a reviewed result shows the
 * review's verdict and keeps the machine's beside it ({@link CriterionResult#reviewed}).
 *
 * @param carriedFrom the assessment the review was made on, when a re-run took it over (its reviewer and time are
 *                    the original ones); null for a review made on this assessment
 */
public record Review(Verdict verdict, String comment, Reviewer by, Instant at,
        @JsonInclude(JsonInclude.Include.NON_NULL) AssessmentId carriedFrom) {

    /** Who reviewed, named as at the time. */
    public record Reviewer(UUID id, String name) {
    }

    public Review {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }

    /** A review made on the assessment it belongs to. */
    public Review(Verdict verdict, String comment, Reviewer by, Instant at) {
        this(verdict, comment, by, at, null);
    }

    /** This review, taken over by a re-run of {@code assessment}, on which it was made unless carried there too. */
    public Review carriedFrom(AssessmentId assessment) {
        return new Review(verdict, comment, by, at, carriedFrom == null ? assessment : carriedFrom);
    }
}

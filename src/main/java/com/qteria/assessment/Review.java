package com.qteria.assessment;

import com.qteria.evaluation.Verdict;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's decision on one result: {@code pass} or {@code fail}, why, by whom and when; JSON
 * {@code {verdict, comment, by: {id, name}, at}}. The machine's finding stays as it was: a reviewed result shows the
 * review's verdict and keeps the machine's beside it ({@link CriterionResult#reviewed}).
 */
public record Review(Verdict verdict, String comment, Reviewer by, Instant at) {

    /** Who reviewed, named as at the time. */
    public record Reviewer(UUID id, String name) {
    }

    public Review {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}

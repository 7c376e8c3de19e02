package com.qteria.assessment;

/** {@code POST …/results/{criterion_key}/feedback}: {@code {"correct": false, "comment": "…"}}; the comment optional. */
public record FeedbackRequest(Boolean correct, String comment) {
}

package com.qteria.assessment;

/**
 * {@code PUT …/results/{criterion_key}/review}: {@code {"verdict": "pass" | "fail", "comment": "…"}}. The verdict is
 * taken as text so that anything else is a field error (422), not an unreadable body.
 */
public record ReviewRequest(String verdict, String comment) {
}

package com.qteria.evaluation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The outcome for one criterion (PRODUCT.md, "Verdict semantics"); JSON {@code pass | fail | needs_review |
 * not_applicable}. {@code not_applicable}: every bucket the criterion applies to is optional and has no document, so
 * there is nothing to judge (API.md); never an overall verdict.
 */
public enum Verdict {
    PASS, FAIL, NEEDS_REVIEW, NOT_APPLICABLE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

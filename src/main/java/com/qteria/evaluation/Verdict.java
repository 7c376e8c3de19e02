package com.qteria.evaluation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The outcome for one criterion (PRODUCT.md, "Verdict semantics"); JSON {@code pass | fail | needs_review}. */
public enum Verdict {
    PASS, FAIL, NEEDS_REVIEW;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

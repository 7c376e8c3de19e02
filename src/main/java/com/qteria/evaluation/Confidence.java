package com.qteria.evaluation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How sure the source of a finding is; JSON {@code high | medium | low}. Checks are high, retrieval is low. */
public enum Confidence {
    HIGH, MEDIUM, LOW;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package com.qteria.assessment;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a running assessment is doing: reading documents → checking criteria → finishing. */
public enum AssessmentPhase {
    EXTRACTING, EVALUATING, FINALIZING;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The phase of a stored value; null for none. */
    public static AssessmentPhase of(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }
}

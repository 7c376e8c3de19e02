package com.qteria.assessment;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** queued → running → completed | failed | cancelled. */
public enum AssessmentStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public static AssessmentStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package com.qteria.workflow;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A required criterion that fails fails the assessment; an advisory one never does. */
public enum Severity {
    REQUIRED,
    ADVISORY;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }
}

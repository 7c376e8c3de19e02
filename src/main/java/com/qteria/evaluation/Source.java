package com.qteria.evaluation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What reached a finding; JSON {@code checks | ai | retrieval | reviewer}. */
public enum Source {
    CHECKS, AI, RETRIEVAL, REVIEWER;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

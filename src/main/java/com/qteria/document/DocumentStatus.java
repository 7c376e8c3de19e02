package com.qteria.document;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a document is: being read, ready for evaluation, or rejected with a reason. */
public enum DocumentStatus {
    PROCESSING, READY, REJECTED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DocumentStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

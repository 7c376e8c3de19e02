package com.qteria.retention;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What happens to assessments once their documents are gone under the retention policy. */
public enum RetainedAssessments {
    /** The assessment, its results, verdicts, reviews and quotes stay; only the documents' content is gone. */
    KEEP_RESULTS,
    /** Assessments that finished more than the policy's days ago are deleted too, with everything they hold. */
    DELETE;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RetainedAssessments> of(String value) {
        return Arrays.stream(values()).filter(v -> v.value().equals(value)).findFirst();
    }
}

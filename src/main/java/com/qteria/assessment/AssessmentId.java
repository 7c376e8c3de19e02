package com.qteria.assessment;

import com.fasterxml.jackson.annotation.JsonValue;
import com.qteria.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** The id of an {@link Assessment}. */
public record AssessmentId(@JsonValue UUID value) {

    public AssessmentId {
        Objects.requireNonNull(value, "assessment id");
    }

    public static AssessmentId of(UUID value) {
        return new AssessmentId(value);
    }

    static AssessmentId next() {
        return new AssessmentId(Ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

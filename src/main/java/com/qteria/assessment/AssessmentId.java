package com.qteria.assessment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.qteria.shared.Ids;
import com.qteria.shared.TypedId;
import java.util.UUID;

/** The id of an {@link Assessment}: a time-ordered UUID, written as the UUID itself in JSON, URLs and logs. */
public record AssessmentId(@JsonValue UUID value) implements TypedId {

    /** Read back from the UUID it is written as (events in the publication registry, request bodies). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AssessmentId {
    }

    static AssessmentId next() {
        return new AssessmentId(Ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

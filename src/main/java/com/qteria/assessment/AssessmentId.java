package com.qteria.assessment;

import com.fasterxml.jackson.annotation.JsonValue;
import com.qteria.shared.Ids;
import com.qteria.shared.TypedId;
import java.util.UUID;

/** The id of an {@link Assessment}: a time-ordered UUID, written as the UUID itself in JSON, URLs and logs. */
public record AssessmentId(@JsonValue UUID value) implements TypedId {

    static AssessmentId next() {
        return new AssessmentId(Ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

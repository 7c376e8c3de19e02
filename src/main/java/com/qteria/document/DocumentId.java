package com.qteria.document;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.qteria.shared.TypedId;
import java.util.UUID;

/** The id of an uploaded document: a time-ordered UUID, written as the UUID itself in JSON, URLs and logs. */
public record DocumentId(@JsonValue UUID value) implements TypedId {

    /** Read back from the UUID it is written as (events in the publication registry, request bodies). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DocumentId {
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

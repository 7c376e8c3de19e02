package com.qteria.document;

import com.fasterxml.jackson.annotation.JsonValue;
import com.qteria.shared.TypedId;
import java.util.UUID;

/** The id of an uploaded document: a time-ordered UUID, written as the UUID itself in JSON, URLs and logs. */
public record DocumentId(@JsonValue UUID value) implements TypedId {

    @Override
    public String toString() {
        return value.toString();
    }
}

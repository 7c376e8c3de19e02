package com.qteria.document;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** The id of an uploaded document: a time-ordered UUID, written as the UUID itself in JSON, URLs and logs. */
public record DocumentId(@JsonValue UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}

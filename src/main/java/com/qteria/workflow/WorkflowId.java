package com.qteria.workflow;

import com.fasterxml.jackson.annotation.JsonValue;
import com.qteria.shared.TypedId;
import java.util.UUID;

/** The id of a workflow (the same through all its versions): a UUID, written as the UUID itself in JSON and URLs. */
public record WorkflowId(@JsonValue UUID value) implements TypedId {

    @Override
    public String toString() {
        return value.toString();
    }
}

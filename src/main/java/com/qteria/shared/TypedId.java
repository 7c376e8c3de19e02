package com.qteria.shared;

import java.util.UUID;

/**
 * An id record around one UUID ({@code AssessmentId}, {@code DocumentId}, {@code WorkflowId}), written as the UUID
 * itself in JSON, URLs and logs. The web layer reads every one of them from paths and parameters alike: a record
 * named {@code XxxId} whose canonical constructor takes the UUID, and a text that is not a UUID names no {@code Xxx}
 * (404, as {@link Ids#parseOrNotFound}).
 */
public interface TypedId {

    UUID value();
}

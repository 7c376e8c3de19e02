package com.qteria.shared;

import java.util.UUID;

/**
 * An id record around one UUID ({@code AssessmentId}, {@code DocumentId}, {@code WorkflowId}), written as the UUID
 * itself in JSON, URLs and logs. The web layer reads every one of them alike from paths and parameters, so each is a
 * record named after its resource ({@code XxxId}) whose canonical constructor takes the UUID.
 */
public interface TypedId {

    UUID value();

    /** The resource an id type names, as errors and descriptions say it: {@code AssessmentId} → "Assessment". */
    static String resource(Class<? extends TypedId> type) {
        return type.getSimpleName().replaceFirst("Id$", "");
    }
}

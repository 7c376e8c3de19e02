package com.qteria.evaluation;

import com.qteria.workflow.Criterion;
import java.util.List;

/** Criteria without checks that are routed to the same documents, asked about in one call. */
public record AiBatch(List<Criterion> criteria, List<EvaluatedDocument> documents) {

    public AiBatch {
        criteria = List.copyOf(criteria);
        documents = List.copyOf(documents);
    }
}

package com.qteria.evaluation.ai;

import com.qteria.workflow.Criterion;
import com.qteria.evaluation.EvaluatedDocument;
import java.util.List;

/**
 * Criteria without checks that are routed to the same documents, asked about in one call.
 *
 * @param documentsShared other batches of the same assessment are routed to the same documents, so their calls can
 *                        read the documents from the provider's prompt cache
 */
public record AiBatch(List<Criterion> criteria, List<EvaluatedDocument> documents, boolean documentsShared) {

    public AiBatch {
        criteria = List.copyOf(criteria);
        documents = List.copyOf(documents);
    }
}

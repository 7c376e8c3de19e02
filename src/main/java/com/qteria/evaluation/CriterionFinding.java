package com.qteria.evaluation;

import com.qteria.workflow.Criterion;

/**
 * What the pipeline made of one criterion.
 *
 * @param ai       the model that judged it; null when no model was asked
 * @param reusable whether the same inputs would give the same finding again, so that it may be reused for them; false
 *                 for a criterion the AI could not be asked about (the next run must ask again)
 */
public record CriterionFinding(Criterion criterion, Finding finding, ModelUse ai, boolean reusable) {
}

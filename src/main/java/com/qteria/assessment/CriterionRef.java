package com.qteria.assessment;

import com.qteria.workflow.Criterion;
import com.qteria.workflow.Severity;
import java.util.UUID;

/** Which criterion a result is for, as the results JSON names it. */
public record CriterionRef(UUID id, String key, String name, Severity severity) {

    public static CriterionRef of(Criterion criterion) {
        return new CriterionRef(criterion.id(), criterion.key(), criterion.name(), criterion.severity());
    }
}

package com.qteria.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One version of a workflow as the API shows it. */
public record WorkflowView(UUID id, int version, String name, String description, boolean archived,
        Instant createdAt, Instant updatedAt, List<Bucket> buckets, List<Criterion> criteria) {

    /** The same workflow without ids, as {@code export} writes it and {@code import} reads it. */
    public WorkflowInput toInput() {
        return new WorkflowInput(name, description,
                buckets.stream().map(b -> new WorkflowInput.BucketInput(b.key(), b.name(), b.required(), b.order()))
                        .toList(),
                criteria.stream().map(c -> new WorkflowInput.CriterionInput(c.key(), c.name(), c.description(),
                        c.appliesTo(), c.severity().key(), c.order(), c.checks().isEmpty() ? null : c.checks()))
                        .toList());
    }
}

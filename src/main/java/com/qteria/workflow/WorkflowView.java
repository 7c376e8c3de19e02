package com.qteria.workflow;

import com.qteria.shared.ApiProblem;
import com.qteria.shared.Ids;
import com.qteria.workflow.definition.Definition;
import com.qteria.workflow.definition.WorkflowValidator;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One version of a workflow as the API shows it. */
public record WorkflowView(WorkflowId id, int version, String name, String description, boolean archived,
        Instant createdAt, Instant updatedAt, List<Bucket> buckets, List<Criterion> criteria) {

    /**
     * A workflow validated exactly as the server validates it, without storing it (the {@code assess} command):
     * fresh ids, version 1, created and updated now.
     *
     * @throws ApiProblem {@code VALIDATION_FAILED} with one entry per offending field
     */
    public static WorkflowView offline(WorkflowInput input) {
        Definition definition = WorkflowValidator.validate(input, Map.of());
        Instant now = Instant.now();
        return new WorkflowView(new WorkflowId(Ids.next()), 1, definition.name(), definition.description(), false,
                now, now, definition.buckets(), definition.criteria());
    }

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

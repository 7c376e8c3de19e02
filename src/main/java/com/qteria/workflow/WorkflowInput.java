package com.qteria.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A workflow as a client writes it — to create, to replace (a new version), to import, and as it is exported: the
 * JSON of API.md without ids. Nothing is trusted; {@code WorkflowManagement} validates it field by field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowInput(String name, String description, List<BucketInput> buckets,
        List<CriterionInput> criteria) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BucketInput(String key, String name, Boolean required, Integer order) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CriterionInput(String key, String name, String description, List<String> appliesTo,
            String severity, Integer order, List<Check> checks) {
    }
}

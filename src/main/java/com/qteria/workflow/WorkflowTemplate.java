package com.qteria.workflow;

/** A starter workflow shipped with Qteria ("Start from template"). */
public record WorkflowTemplate(String key, String name, String description, int buckets, int criteria,
        int criteriaWithChecks) {
}

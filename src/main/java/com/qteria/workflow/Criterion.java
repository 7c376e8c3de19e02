package com.qteria.workflow;

import java.util.List;
import java.util.UUID;

/**
 * A rule the documents must meet. {@code appliesTo} names bucket keys, or is {@code ["*"]} for every bucket.
 * Without checks, the AI (or a reviewer) judges it by its description.
 */
public record Criterion(UUID id, String key, String name, String description, List<String> appliesTo,
        Severity severity, int order, List<Check> checks) {

    public static final String ALL_BUCKETS = "*";

    public boolean appliesToAllBuckets() {
        return appliesTo.contains(ALL_BUCKETS);
    }
}

package com.qteria.workflow.persistence;

import com.qteria.workflow.Bucket;
import com.qteria.workflow.Criterion;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of workflow_versions joined with its workflow's current state; its buckets and criteria as stored. */
public record StoredVersion(UUID workflowId, int version, String name, String description, List<Bucket> buckets,
        List<Criterion> criteria,
        boolean archived, Instant workflowCreatedAt, Instant versionCreatedAt, UUID createdBy, int currentVersion) {
}

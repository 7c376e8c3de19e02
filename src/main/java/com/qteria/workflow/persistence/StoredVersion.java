package com.qteria.workflow.persistence;

import java.time.Instant;
import java.util.UUID;

/** A row of workflow_versions joined with its workflow's current state. */
public record StoredVersion(UUID workflowId, int version, String name, String description, String definition,
        boolean archived, Instant workflowCreatedAt, Instant versionCreatedAt, UUID createdBy, int currentVersion) {
}

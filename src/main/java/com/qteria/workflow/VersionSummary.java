package com.qteria.workflow;

import java.time.Instant;
import java.util.UUID;

/** One entry of a workflow's history. */
public record VersionSummary(int version, String name, Instant createdAt, UUID createdBy, String createdByName) {
}

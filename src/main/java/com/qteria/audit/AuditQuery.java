package com.qteria.audit;

import java.time.Instant;

/** Filters of {@code GET /api/v1/audit-events}; null means "any". */
public record AuditQuery(String actor, String action, String resourceType, Instant from, Instant to) {
}

package com.qteria.assessment.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code assessments}. {@code summary} is the results summary as JSON once completed. */
public record AssessmentRow(UUID id, UUID organizationId, UUID workflowId, int workflowVersion, String workflowName,
        String reference, String status, String phase, int done, int total, LocalDate asOf, UUID createdBy,
        Instant createdAt, Instant startedAt, Instant finishedAt, Instant heartbeatAt, boolean cancelRequested,
        String error, String summary, long inputTokens, long outputTokens, BigDecimal usd, UUID parentId) {
}

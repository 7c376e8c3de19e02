package com.qteria.assessment.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A row of {@code assessments}. {@code summary} is the results summary as JSON once completed. {@code aiProvider} and
 * {@code aiModel}: the model criteria without checks are put to, pinned at the start (null: none). Token counts and
 * {@code usd} add up the AI calls made for this assessment; {@code inputTokens} counts every input token, cached or not.
 */
public record AssessmentRow(UUID id, UUID organizationId, UUID workflowId, int workflowVersion, String workflowName,
        String reference, String status, String phase, int done, int total, LocalDate asOf, UUID createdBy,
        Instant createdAt, Instant startedAt, Instant finishedAt, Instant heartbeatAt, boolean cancelRequested,
        String error, String summary, long inputTokens, long outputTokens, BigDecimal usd, UUID parentId,
        String aiProvider, String aiModel, long cacheWriteTokens, long cacheReadTokens) {
}

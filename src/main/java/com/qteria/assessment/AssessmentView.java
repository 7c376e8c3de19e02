package com.qteria.assessment;

import com.qteria.workflow.WorkflowId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An assessment as API.md shows it. */
public record AssessmentView(AssessmentId id, WorkflowRef workflow, String reference, AssessmentStatus status,
        Progress progress, UUID createdBy, Instant createdAt, Instant startedAt, Instant finishedAt, String error,
        Summary summary, Cost cost, AssessmentId parentId) {

    public record WorkflowRef(WorkflowId id, int version, String name) {
    }

    /** {@code phase}: extracting | evaluating | finalizing (null while queued). */
    public record Progress(String phase, int done, int total, int percent) {
    }

    /**
     * What the AI calls of the assessment used and cost. {@code inputTokens} counts every input token; the cached ones
     * among them are {@code cacheWriteTokens} and {@code cacheReadTokens}. {@code model}: {@code provider/model} the
     * assessment put its plain-language criteria to; null when none.
     */
    public record Cost(long inputTokens, long outputTokens, BigDecimal usd, long cacheWriteTokens,
            long cacheReadTokens, String model) {
    }
}

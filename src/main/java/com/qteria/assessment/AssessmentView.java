package com.qteria.assessment;

import com.qteria.workflow.WorkflowId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;

/** An assessment as API.md shows it. */
public record AssessmentView(AssessmentId id, WorkflowRef workflow, String reference, AssessmentStatus status,
        Progress progress, UUID createdBy, Instant createdAt, Instant startedAt, Instant finishedAt, String error,
        Summary summary, Cost cost, AssessmentId parentId) {

    /** From the start (or the queueing, when it never started) to the end; zero while unfinished. */
    public Duration took() {
        Instant from = startedAt != null ? startedAt : createdAt;
        Duration took = Duration.between(from, finishedAt != null ? finishedAt : from);
        return took.isNegative() ? Duration.ZERO : took;
    }

    /** {@link #took()} in words: "45 s", "4 min 12 s", "1 h 5 min". */
    public String took(MessageSource messages, Locale locale) {
        long seconds = took().toSeconds();
        if (seconds < 60) {
            return messages.getMessage("duration.seconds", new Object[] {seconds}, locale);
        }
        if (seconds < 3600) {
            return messages.getMessage("duration.minutes", new Object[] {seconds / 60, seconds % 60}, locale);
        }
        return messages.getMessage("duration.hours", new Object[] {seconds / 3600, seconds % 3600 / 60}, locale);
    }

    public record WorkflowRef(WorkflowId id, int version, String name) {
    }

    /**
     * {@code phase}: extracting | evaluating | finalizing (null while queued). {@code waitingFor}: {@code ai_provider}
     * while the running assessment waits for an unavailable AI provider, since {@code waitingSince}; both null
     * otherwise.
     */
    public record Progress(String phase, int done, int total, int percent, String waitingFor, Instant waitingSince) {

        public static final String AI_PROVIDER = "ai_provider";

        public Progress(String phase, int done, int total, int percent, Instant waitingSince) {
            this(phase, done, total, percent, waitingSince == null ? null : AI_PROVIDER, waitingSince);
        }

        public Progress(String phase, int done, int total, int percent) {
            this(phase, done, total, percent, null, null);
        }
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

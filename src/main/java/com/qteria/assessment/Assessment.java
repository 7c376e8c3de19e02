package com.qteria.assessment;

import com.qteria.shared.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An assessment: a workflow version's criteria evaluated against documents given per bucket. Its state changes only
 * through the transitions below; an illegal one (completing a cancelled assessment, starting a finished one) throws
 * {@link IllegalTransition}. {@code Assessments} stores each transition with a statement guarded by the status it
 * expects, so two workers can never both move the same assessment on.
 * <pre>
 * queued ──start──▶ running ──complete──▶ completed
 *   │                 │ ├────fail───────▶ failed
 *   │                 │ ├─requestCancel, then cancelled──▶ cancelled
 *   │                 │ └─requestCancel with its worker silent──▶ cancelled
 *   ├──fail──────────────────────────────▶ failed
 *   └──requestCancel─────────────────────▶ cancelled
 * </pre>
 */
public final class Assessment {

    /** A transition the assessment's status does not allow. */
    public static final class IllegalTransition extends IllegalStateException {
        IllegalTransition(String transition, AssessmentStatus status) {
            super("An assessment that is " + status.value() + " cannot " + transition + ".");
        }
    }

    /**
     * What the assessment was asked to do, fixed when it was queued.
     *
     * @param asOf       the assessment date that {@code date_not_older} counts from
     * @param aiProvider the provider criteria without checks are put to, pinned at the start; null: none
     */
    public record Pinned(TenantId tenant, AssessmentView.WorkflowRef workflow, String reference, LocalDate asOf,
            UUID createdBy, Instant createdAt, AssessmentId parentId, String aiProvider, String aiModel) {

        public Pinned {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(workflow, "workflow");
            Objects.requireNonNull(asOf, "asOf");
        }
    }

    /**
     * What the assessment's AI calls used: every input token (cached or not), output tokens, the cached ones among
     * the input, and what they cost.
     */
    public record Spend(long inputTokens, long outputTokens, long cacheWriteTokens, long cacheReadTokens,
            BigDecimal usd) {

        public static final Spend NONE = new Spend(0, 0, 0, 0, BigDecimal.ZERO);
    }

    private final AssessmentId id;
    private final Pinned pinned;
    private final Spend spend;
    private AssessmentStatus status;
    private AssessmentPhase phase;
    private int done;
    private int total;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant heartbeatAt;
    private Instant waitingSince;
    private boolean cancelRequested;
    private String error;
    private Summary summary;

    private Assessment(AssessmentId id, Pinned pinned, Spend spend, AssessmentStatus status, AssessmentPhase phase,
            int done, int total, Instant startedAt, Instant finishedAt, Instant heartbeatAt, Instant waitingSince,
            boolean cancelRequested, String error, Summary summary) {
        this.waitingSince = waitingSince;
        this.id = Objects.requireNonNull(id, "id");
        this.pinned = Objects.requireNonNull(pinned, "pinned");
        this.spend = spend == null ? Spend.NONE : spend;
        this.status = Objects.requireNonNull(status, "status");
        this.phase = phase;
        this.done = done;
        this.total = total;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.heartbeatAt = heartbeatAt;
        this.cancelRequested = cancelRequested;
        this.error = error;
        this.summary = summary;
    }

    /** A new assessment, queued, of {@code total} criteria. */
    public static Assessment queue(Pinned pinned, int total) {
        return new Assessment(AssessmentId.next(), pinned, Spend.NONE, AssessmentStatus.QUEUED, null, 0, total, null,
                null, null, null, false, null, null);
    }

    /** An assessment as stored; for the repository. */
    public static Assessment restore(AssessmentId id, Pinned pinned, Spend spend, AssessmentStatus status,
            AssessmentPhase phase, int done, int total, Instant startedAt, Instant finishedAt, Instant heartbeatAt,
            boolean cancelRequested, String error, Summary summary) {
        return restore(id, pinned, spend, status, phase, done, total, startedAt, finishedAt, heartbeatAt, null,
                cancelRequested, error, summary);
    }

    /** An assessment as stored, waiting for the AI provider since {@code waitingSince} (null: not waiting). */
    public static Assessment restore(AssessmentId id, Pinned pinned, Spend spend, AssessmentStatus status,
            AssessmentPhase phase, int done, int total, Instant startedAt, Instant finishedAt, Instant heartbeatAt,
            Instant waitingSince, boolean cancelRequested, String error, Summary summary) {
        return new Assessment(id, pinned, spend, status, phase, done, total, startedAt, finishedAt, heartbeatAt,
                waitingSince, cancelRequested, error, summary);
    }

    /** queued (or running, when resumed) → running, reading its documents; refused once a cancel was asked for. */
    public void start(int total, Instant now) {
        require(status == AssessmentStatus.QUEUED || status == AssessmentStatus.RUNNING, "start");
        if (cancelRequested) {
            throw new IllegalTransition("start after a cancel", status);
        }
        this.status = AssessmentStatus.RUNNING;
        this.phase = AssessmentPhase.EXTRACTING;
        this.total = total;
        this.startedAt = startedAt == null ? now : startedAt;
        this.heartbeatAt = now;
    }

    /** {@code done} of the criteria have a finding; also the worker's sign of life. */
    public void progress(AssessmentPhase phase, int done, Instant now) {
        require(status == AssessmentStatus.RUNNING, "progress");
        this.phase = Objects.requireNonNull(phase, "phase");
        this.done = Math.min(done, total);
        this.heartbeatAt = now;
    }

    /**
     * Waiting for the AI provider, unavailable since {@code since} ({@code null}: no longer waiting); also the
     * worker's sign of life. The status stays running.
     */
    public void waitingForAi(Instant since, Instant now) {
        require(status == AssessmentStatus.RUNNING, "wait");
        this.waitingSince = since;
        this.heartbeatAt = now;
    }

    /** running → completed, with the summary of its results. */
    public void complete(Summary summary, Instant now) {
        require(status == AssessmentStatus.RUNNING, "complete");
        this.status = AssessmentStatus.COMPLETED;
        this.waitingSince = null;
        this.phase = AssessmentPhase.FINALIZING;
        this.done = total;
        this.summary = Objects.requireNonNull(summary, "summary");
        this.finishedAt = now;
        this.heartbeatAt = now;
    }

    /** queued or running → failed, with a plain sentence for the handler. */
    public void fail(String reason, Instant now) {
        require(!status.finished(), "fail");
        this.status = AssessmentStatus.FAILED;
        this.error = Objects.requireNonNull(reason, "reason");
        this.finishedAt = now;
    }

    /**
     * An assessment that is queued, still waiting for its documents to be read, or whose worker has been silent since
     * before {@code silentSince} (no live worker would ever report again) is cancelled at once; one being evaluated
     * when its worker next reports ({@link #cancelled}).
     */
    public void requestCancel(Instant now, Instant silentSince) {
        require(!status.finished(), "be cancelled");
        this.cancelRequested = true;
        if (status == AssessmentStatus.QUEUED || phase == AssessmentPhase.EXTRACTING || heartbeatAt == null
                || heartbeatAt.isBefore(silentSince)) {
            this.status = AssessmentStatus.CANCELLED;
            this.finishedAt = now;
        }
    }

    /** running, with a cancel asked for → cancelled: the worker stopped. */
    public void cancelled(Instant now) {
        require(status == AssessmentStatus.RUNNING && cancelRequested, "stop as cancelled");
        this.status = AssessmentStatus.CANCELLED;
        this.finishedAt = now;
    }

    private void require(boolean allowed, String transition) {
        if (!allowed) {
            throw new IllegalTransition(transition, status);
        }
    }

    public AssessmentId id() {
        return id;
    }

    public TenantId tenant() {
        return pinned.tenant();
    }

    public Pinned pinned() {
        return pinned;
    }

    public Spend spend() {
        return spend;
    }

    public AssessmentStatus status() {
        return status;
    }

    public AssessmentPhase phase() {
        return phase;
    }

    public int done() {
        return done;
    }

    public int total() {
        return total;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Instant heartbeatAt() {
        return heartbeatAt;
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    /** Since when the running assessment waits for the AI provider; null when it does not. */
    public Instant waitingSince() {
        return waitingSince;
    }

    public String error() {
        return error;
    }

    public Summary summary() {
        return summary;
    }

    /** The assessment as API.md shows it. */
    public AssessmentView view() {
        int percent = status == AssessmentStatus.COMPLETED ? 100 : total == 0 ? 0 : Math.min(100, done * 100 / total);
        return new AssessmentView(id, pinned.workflow(), pinned.reference(), status,
                new AssessmentView.Progress(phase == null ? null : phase.value(), done, total, percent,
                        status == AssessmentStatus.RUNNING ? waitingSince : null),
                pinned.createdBy(), pinned.createdAt(), startedAt, finishedAt, error, summary,
                new AssessmentView.Cost(spend.inputTokens(), spend.outputTokens(), spend.usd(),
                        spend.cacheWriteTokens(), spend.cacheReadTokens(),
                        pinned.aiProvider() == null ? null : pinned.aiProvider() + "/" + pinned.aiModel()),
                pinned.parentId());
    }
}

package com.qteria.assessment.persistence;

import com.qteria.assessment.Assessment;
import com.qteria.assessment.AssessmentFilter;
import com.qteria.assessment.AssessmentId;
import com.qteria.assessment.AssessmentPhase;
import com.qteria.assessment.AssessmentStatus;
import com.qteria.assessment.AssessmentView;
import com.qteria.assessment.CriterionResult;
import com.qteria.assessment.Summary;
import com.qteria.document.DocumentId;
import com.qteria.evaluation.AiCall;
import com.qteria.shared.Paging;
import com.qteria.shared.TenantId;
import com.qteria.workflow.WorkflowId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assessments, their documents and results. Queries a user can trigger take the tenant; the job works by id on the
 * assessment it was given. Each transition of an {@link Assessment} is stored by a statement guarded by the status it
 * expects, so two workers can never both move the same assessment on; results and summaries are JSON inside this
 * class only.
 */
@Repository
public class Assessments {

    /** The most versions of one assessment that {@link #versions} follows. */
    static final int VERSION_LIMIT = 100;

    /** Finished assessments of an organization that finished before a cutoff, for the retention policy. */
    private static final String FINISHED_BEFORE = """
            from assessments where organization_id = :tenant and status in ('completed', 'failed', 'cancelled')
              and coalesce(finished_at, created_at) < :cutoff""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Assessments(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A document given to the assessment for one of its workflow's buckets, with its file name and SHA-256 as they
     * were when the assessment started (null for rows of assessments started before they were kept, whose document
     * was already gone).
     */
    public record DocumentRef(String bucket, DocumentId documentId, String filename, String sha256) {
    }

    /** A result as stored: its position in the workflow and the key under which it may be reused. */
    public record StoredResult(int position, CriterionResult result, String reuseKey) {
    }

    public void insert(Assessment assessment, List<DocumentRef> documents) {
        Assessment.Pinned pinned = assessment.pinned();
        jdbc.sql("""
                insert into assessments (id, organization_id, workflow_id, workflow_version, workflow_name, reference,
                    status, total, as_of, created_by, created_at, parent_id, ai_provider, ai_model)
                values (:id, :tenant, :workflowId, :version, :workflowName, :reference, :status, :total, :asOf,
                    :createdBy, :createdAt, :parentId, :aiProvider, :aiModel)""")
                .param("id", assessment.id().value()).param("tenant", pinned.tenant().value())
                .param("workflowId", pinned.workflow().id().value()).param("version", pinned.workflow().version())
                .param("workflowName", pinned.workflow().name()).param("reference", pinned.reference())
                .param("status", assessment.status().value()).param("total", assessment.total())
                .param("asOf", pinned.asOf()).param("createdBy", pinned.createdBy())
                .param("createdAt", time(pinned.createdAt()))
                .param("parentId", pinned.parentId() == null ? null : pinned.parentId().value())
                .param("aiProvider", pinned.aiProvider()).param("aiModel", pinned.aiModel())
                .update();
        for (int i = 0; i < documents.size(); i++) {
            jdbc.sql("""
                    insert into assessment_documents (assessment_id, position, bucket, document_id, filename, sha256)
                    values (:id, :position, :bucket, :document, :filename, :sha256)""")
                    .param("id", assessment.id().value()).param("position", i).param("bucket", documents.get(i).bucket())
                    .param("document", documents.get(i).documentId().value())
                    .param("filename", documents.get(i).filename()).param("sha256", documents.get(i).sha256()).update();
        }
    }

    public Optional<Assessment> find(TenantId tenant, AssessmentId id) {
        return jdbc.sql("select * from assessments where id = :id and organization_id = :tenant")
                .param("id", id.value()).param("tenant", tenant.value()).query(this::assessment).optional();
    }

    /** The organization's assessments among {@code ids}. */
    public List<Assessment> find(TenantId tenant, Collection<AssessmentId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from assessments where organization_id = :tenant and id in (:ids)")
                .param("tenant", tenant.value()).param("ids", ids.stream().map(AssessmentId::value).toList())
                .query(this::assessment).list();
    }

    /**
     * The versions of an assessment, oldest first: the assessment its re-runs started from and every re-run below it,
     * at most {@value #VERSION_LIMIT}. Empty when the assessment is not the organization's.
     */
    public List<Assessment> versions(TenantId tenant, AssessmentId id) {
        UUID first = null;
        UUID next = id.value();
        for (int i = 0; next != null && i < VERSION_LIMIT; i++) {
            first = next;
            next = jdbc.sql("select parent_id from assessments where id = :id and organization_id = :tenant")
                    .param("id", first).param("tenant", tenant.value())
                    .query((rs, n) -> Optional.ofNullable(rs.getObject("parent_id", UUID.class))).optional()
                    .flatMap(parent -> parent).orElse(null);
        }
        List<Assessment> versions = new java.util.ArrayList<>(find(tenant, List.of(new AssessmentId(first))));
        List<UUID> level = versions.stream().map(a -> a.id().value()).toList();
        while (!level.isEmpty() && versions.size() < VERSION_LIMIT) {
            List<Assessment> children = jdbc.sql("select * from assessments where organization_id = :tenant and parent_id in (:ids)")
                    .param("tenant", tenant.value()).param("ids", level).query(this::assessment).list();
            versions.addAll(children);
            level = children.stream().map(a -> a.id().value()).toList();
        }
        versions.sort(java.util.Comparator.comparing((Assessment a) -> a.pinned().createdAt())
                .thenComparing(a -> a.id().value()));
        return versions.size() <= VERSION_LIMIT ? versions : versions.subList(0, VERSION_LIMIT);
    }

    /**
     * The assessment, its row locked until the transaction ends: changes to its results' reviews and its summary
     * happen one at a time.
     */
    public Optional<Assessment> lock(TenantId tenant, AssessmentId id) {
        return jdbc.sql("select * from assessments where id = :id and organization_id = :tenant for update")
                .param("id", id.value()).param("tenant", tenant.value()).query(this::assessment).optional();
    }

    /** Replaces a completed assessment's summary (its results' reviews changed). */
    public void summarise(Assessment completed, Summary summary) {
        jdbc.sql("update assessments set summary = :summary where id = :id and status = 'completed'")
                .param("summary", json.writeValueAsString(summary)).param("id", completed.id().value()).update();
    }

    /** For the job and the reaper, which act on the assessment they were handed. */
    public Optional<Assessment> findForJob(AssessmentId id) {
        return jdbc.sql("select * from assessments where id = :id").param("id", id.value())
                .query(this::assessment).optional();
    }

    public List<Assessment> list(TenantId tenant, AssessmentFilter filter, Paging paging) {
        return jdbc.sql("select * from assessments" + filter() + " order by created_at desc, id desc limit :limit offset :offset")
                .params(filterParams(tenant, filter))
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(this::assessment).list();
    }

    public long count(TenantId tenant, AssessmentFilter filter) {
        return jdbc.sql("select count(*) from assessments" + filter()).params(filterParams(tenant, filter))
                .query(Long.class).single();
    }

    /** The documents of the assessment that were deleted under the retention policy. */
    public Set<DocumentId> retentionDeleted(AssessmentId id) {
        return Set.copyOf(jdbc.sql("""
                select document_id from assessment_documents
                where assessment_id = :id and retention_deleted_at is not null""")
                .param("id", id.value()).query((rs, n) -> new DocumentId(rs.getObject("document_id", UUID.class)))
                .list());
    }

    /** Notes on every assessment that read the document that it was deleted under the retention policy. */
    public void markRetentionDeleted(DocumentId document, Instant at) {
        jdbc.sql("update assessment_documents set retention_deleted_at = :at where document_id = :document")
                .param("at", time(at)).param("document", document.value()).update();
    }

    /** The organization's finished assessments that finished before {@code cutoff}, oldest first. */
    public List<AssessmentId> finishedBefore(TenantId tenant, Instant cutoff, int limit) {
        return jdbc.sql("select id " + FINISHED_BEFORE + " order by coalesce(finished_at, created_at), id limit :limit")
                .param("tenant", tenant.value()).param("cutoff", time(cutoff)).param("limit", limit)
                .query((rs, n) -> new AssessmentId(rs.getObject("id", UUID.class))).list();
    }

    public long countFinishedBefore(TenantId tenant, Instant cutoff) {
        return jdbc.sql("select count(*) " + FINISHED_BEFORE).param("tenant", tenant.value())
                .param("cutoff", time(cutoff)).query(Long.class).single();
    }

    /**
     * Deletes a finished assessment with its documents list, results, AI calls, reviews, feedback and share links
     * (their foreign keys cascade); its re-runs stop naming it as their parent. False when it is no longer finished
     * before {@code cutoff} or already gone.
     */
    public boolean deleteFinishedBefore(TenantId tenant, AssessmentId id, Instant cutoff) {
        int deleted = jdbc.sql("delete " + FINISHED_BEFORE + " and id = :id").param("tenant", tenant.value())
                .param("cutoff", time(cutoff)).param("id", id.value()).update();
        if (deleted == 1) {
            jdbc.sql("update assessments set parent_id = null where organization_id = :tenant and parent_id = :id")
                    .param("tenant", tenant.value()).param("id", id.value()).update();
        }
        return deleted == 1;
    }

    /**
     * Deletes the share links that expired or were revoked before {@code endedBefore}, in every organization; their
     * audit entries stay. Returns how many.
     */
    public int deleteSharesEndedBefore(Instant endedBefore) {
        return jdbc.sql("delete from assessment_shares where coalesce(revoked_at, expires_at) < :before")
                .param("before", time(endedBefore)).update();
    }

    public List<DocumentRef> documents(AssessmentId id) {
        return jdbc.sql("select bucket, document_id, filename, sha256 from assessment_documents where assessment_id = :id order by position")
                .param("id", id.value())
                .query((rs, n) -> new DocumentRef(rs.getString("bucket"),
                        new DocumentId(rs.getObject("document_id", UUID.class)), rs.getString("filename"),
                        rs.getString("sha256")))
                .list();
    }

    /** Unfinished assessments given this document: those that may be waiting for it to be read. */
    public List<AssessmentId> unfinishedWith(DocumentId documentId) {
        return jdbc.sql("""
                select a.id from assessments a join assessment_documents d on d.assessment_id = a.id
                where d.document_id = :document and a.status in ('queued', 'running')""")
                .param("document", documentId.value()).query(UUID.class).list().stream().distinct()
                .map(AssessmentId::new).toList();
    }

    /** queued → running (or a resumed running one); false when another worker moved it on, or it was cancelled. */
    public boolean start(Assessment started) {
        return jdbc.sql("""
                update assessments set status = 'running', phase = :phase, total = :total, started_at = :startedAt,
                    heartbeat_at = :now, waiting_since = null
                where id = :id and status in ('queued', 'running') and cancel_requested = false""")
                .param("phase", started.phase().value()).param("total", started.total())
                .param("startedAt", time(started.startedAt())).param("now", time(started.heartbeatAt()))
                .param("id", started.id().value()).update() == 1;
    }

    /**
     * Stores the progress; false when the assessment is no longer running or a cancel was asked for, so the worker
     * learns of a cancel with the same statement that reports its progress.
     */
    public boolean progress(Assessment running) {
        return jdbc.sql("""
                update assessments set phase = :phase, done = :done, heartbeat_at = :now, waiting_since = :waiting
                where id = :id and status = 'running' and cancel_requested = false""")
                .param("phase", running.phase().value()).param("done", running.done())
                .param("waiting", time(running.waitingSince()))
                .param("now", time(running.heartbeatAt())).param("id", running.id().value()).update() == 1;
    }

    public boolean complete(Assessment completed) {
        return jdbc.sql("""
                update assessments set status = 'completed', phase = 'finalizing', done = total, summary = :summary,
                    finished_at = :now, heartbeat_at = :now
                where id = :id and status = 'running'""")
                .param("summary", json.writeValueAsString(completed.summary()))
                .param("now", time(completed.finishedAt())).param("id", completed.id().value()).update() == 1;
    }

    public boolean fail(Assessment failed) {
        return jdbc.sql("""
                update assessments set status = 'failed', error = :error, finished_at = :now
                where id = :id and status in ('queued', 'running')""")
                .param("error", truncate(failed.error())).param("now", time(failed.finishedAt()))
                .param("id", failed.id().value()).update() == 1;
    }

    /**
     * Stores the wish; an assessment queued, waiting for its documents, or whose worker has been silent since before
     * {@code silentSince} is cancelled at once, one being evaluated when its worker next reports (as
     * {@link Assessment#requestCancel} decides, in one statement).
     */
    public boolean requestCancel(Assessment cancelling, Instant now, Instant silentSince) {
        String atOnce = "status = 'queued' or phase = 'extracting' or heartbeat_at is null or heartbeat_at < :since";
        int changed = jdbc.sql("""
                update assessments set cancel_requested = true,
                    status = case when %1$s then 'cancelled' else status end,
                    finished_at = case when %1$s then :now else finished_at end
                where id = :id and organization_id = :tenant and status in ('queued', 'running')""".formatted(atOnce))
                .param("now", time(now)).param("since", time(silentSince))
                .param("id", cancelling.id().value()).param("tenant", cancelling.tenant().value()).update();
        return changed == 1;
    }

    public boolean cancelled(Assessment cancelled) {
        return jdbc.sql("""
                update assessments set status = 'cancelled', finished_at = :now
                where id = :id and status = 'running' and cancel_requested = true""")
                .param("now", time(cancelled.finishedAt())).param("id", cancelled.id().value()).update() == 1;
    }

    /** Every running assessment, for the reaper (a handful at any time: each holds a worker or waits for reading). */
    public List<Assessment> running() {
        return jdbc.sql("select * from assessments where status = 'running' order by heartbeat_at")
                .query(this::assessment).list();
    }

    /** The results stored so far, in the workflow's order. */
    public List<StoredResult> results(AssessmentId id) {
        return jdbc.sql("select position, finding, cache_key from assessment_findings where assessment_id = :id order by position")
                .param("id", id.value())
                .query((rs, n) -> new StoredResult(rs.getInt("position"),
                        json.readValue(rs.getString("finding"), CriterionResult.class), rs.getString("cache_key")))
                .list();
    }

    /** The keys of the criteria that already have a result. */
    public Set<String> criteriaWithResults(AssessmentId id) {
        return Set.copyOf(jdbc.sql("select criterion_key from assessment_findings where assessment_id = :id")
                .param("id", id.value()).query(String.class).list());
    }

    /**
     * Stores a criterion's result once: a second attempt for the same criterion changes nothing.
     *
     * @param reuseKey the key under which later runs with the same inputs may reuse it; null: never reused
     * @param aiCall   the AI call that made it; null when none did
     */
    public void saveResult(Assessment assessment, StoredResult stored, UUID aiCall, Instant now) {
        jdbc.sql("""
                insert into assessment_findings (assessment_id, criterion_key, organization_id, position, finding,
                    cache_key, created_at, ai_call_id)
                select :id, :key, :tenant, :position, :finding, :cacheKey, :now, :aiCall
                where not exists (select 1 from assessment_findings where assessment_id = :id and criterion_key = :key)""")
                .param("id", assessment.id().value()).param("key", stored.result().criterion().key())
                .param("tenant", assessment.tenant().value()).param("position", stored.position())
                .param("finding", json.writeValueAsString(stored.result()))
                .param("cacheKey", stored.reuseKey() == null ? "uncached-" + UUID.randomUUID() : stored.reuseKey())
                .param("now", time(now)).param("aiCall", aiCall)
                .update();
    }

    /** One AI call (a batch, its repair included) as stored, with the keys of the criteria it judged. */
    public record StoredAiCall(UUID id, String model, List<String> criterionKeys, int calls, long inputTokens,
            long outputTokens, long cacheWriteTokens, long cacheReadTokens, BigDecimal usd) {
    }

    /**
     * Records the call and adds its usage to the assessment's totals, in one transaction.
     *
     * @return the call's id, for the results it made
     */
    @Transactional
    public UUID recordAiCall(Assessment assessment, List<String> criterionKeys, AiCall call, Instant now) {
        UUID callId = com.qteria.shared.Ids.next();
        var usage = call.usage();
        jdbc.sql("""
                insert into assessment_ai_calls (id, assessment_id, organization_id, model, criterion_keys, calls,
                    input_tokens, output_tokens, cache_write_tokens, cache_read_tokens, usd, created_at)
                values (:callId, :id, :tenant, :model, :keys, :calls, :input, :output, :cacheWrite, :cacheRead, :usd, :now)""")
                .param("callId", callId).param("id", assessment.id().value())
                .param("tenant", assessment.tenant().value()).param("model", call.model())
                .param("keys", String.join(",", criterionKeys)).param("calls", call.calls())
                .param("input", usage.inputTokens()).param("output", usage.outputTokens())
                .param("cacheWrite", usage.cacheWriteTokens()).param("cacheRead", usage.cacheReadTokens())
                .param("usd", call.usd()).param("now", time(now))
                .update();
        jdbc.sql("""
                update assessments set input_tokens = input_tokens + :input + :cacheWrite + :cacheRead, output_tokens = output_tokens + :output,
                    cache_write_tokens = cache_write_tokens + :cacheWrite, cache_read_tokens = cache_read_tokens + :cacheRead,
                    usd = usd + :usd
                where id = :id""")
                .param("input", usage.inputTokens()).param("output", usage.outputTokens())
                .param("cacheWrite", usage.cacheWriteTokens()).param("cacheRead", usage.cacheReadTokens())
                .param("usd", call.usd()).param("id", assessment.id().value())
                .update();
        return callId;
    }

    /** The AI calls of an assessment, oldest first. */
    public List<StoredAiCall> aiCalls(AssessmentId id) {
        return jdbc.sql("select * from assessment_ai_calls where assessment_id = :id order by created_at, id")
                .param("id", id.value())
                .query((rs, n) -> new StoredAiCall(rs.getObject("id", UUID.class), rs.getString("model"),
                        List.of(rs.getString("criterion_keys").split(",")), rs.getInt("calls"),
                        rs.getLong("input_tokens"), rs.getLong("output_tokens"), rs.getLong("cache_write_tokens"),
                        rs.getLong("cache_read_tokens"), rs.getBigDecimal("usd")))
                .list();
    }

    /** What the organization's assessments spent on AI since {@code since}. */
    public BigDecimal aiSpend(TenantId tenant, Instant since) {
        return jdbc.sql("select coalesce(sum(usd), 0) from assessment_ai_calls where organization_id = :tenant and created_at >= :since")
                .param("tenant", tenant.value()).param("since", time(since)).query(BigDecimal.class).single();
    }

    /**
     * Results computed earlier in the same organization under any of {@code reuseKeys}: the newest per key, in one
     * query.
     */
    public Map<String, CriterionResult> reusable(TenantId tenant, Collection<String> reuseKeys) {
        if (reuseKeys.isEmpty()) {
            return Map.of();
        }
        Map<String, CriterionResult> found = new HashMap<>();
        jdbc.sql("select cache_key, finding from assessment_findings where organization_id = :tenant and cache_key in (:keys) order by created_at")
                .param("tenant", tenant.value()).param("keys", List.copyOf(Set.copyOf(reuseKeys)))
                .query((rs, n) -> Map.entry(rs.getString("cache_key"), rs.getString("finding"))).list()
                .forEach(e -> found.put(e.getKey(), json.readValue(e.getValue(), CriterionResult.class)));
        return found;
    }

    private static String filter() {
        return " where organization_id = :tenant and (:status = '' or status = :status)"
                + " and (cast(:workflow as uuid) is null or workflow_id = cast(:workflow as uuid))"
                + " and (lower(coalesce(reference, '')) like :q escape '!' or lower(workflow_name) like :q escape '!')"
                + " and created_at >= :start and created_at < :end";
    }

    private static Map<String, Object> filterParams(TenantId tenant, AssessmentFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", tenant.value());
        params.put("status", filter.status());
        params.put("workflow", filter.workflowId() == null ? null : filter.workflowId().value());
        String escaped = filter.q().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        params.put("q", "%" + escaped + "%");
        params.put("start", time(filter.started().start()));
        params.put("end", time(filter.started().end()));
        return params;
    }

    private Assessment assessment(ResultSet rs, int n) throws SQLException {
        UUID parent = rs.getObject("parent_id", UUID.class);
        Assessment.Pinned pinned = new Assessment.Pinned(new TenantId(rs.getObject("organization_id", UUID.class)),
                new AssessmentView.WorkflowRef(new WorkflowId(rs.getObject("workflow_id", UUID.class)),
                        rs.getInt("workflow_version"), rs.getString("workflow_name")),
                rs.getString("reference"), rs.getObject("as_of", LocalDate.class),
                rs.getObject("created_by", UUID.class), instant(rs, "created_at"),
                parent == null ? null : new AssessmentId(parent), rs.getString("ai_provider"), rs.getString("ai_model"));
        Assessment.Spend spend = new Assessment.Spend(rs.getLong("input_tokens"), rs.getLong("output_tokens"),
                rs.getLong("cache_write_tokens"), rs.getLong("cache_read_tokens"), rs.getBigDecimal("usd"));
        String summary = rs.getString("summary");
        return Assessment.restore(new AssessmentId(rs.getObject("id", UUID.class)), pinned, spend,
                AssessmentStatus.of(rs.getString("status")), AssessmentPhase.of(rs.getString("phase")),
                rs.getInt("done"), rs.getInt("total"), instant(rs, "started_at"), instant(rs, "finished_at"),
                instant(rs, "heartbeat_at"), instant(rs, "waiting_since"), rs.getBoolean("cancel_requested"),
                rs.getString("error"),
                summary == null ? null : json.readValue(summary, Summary.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 1000 ? value : value.substring(0, 999) + "…";
    }
}

package com.qteria.assessment.persistence;

import com.qteria.shared.Paging;
import com.qteria.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Assessments, their documents and findings. Queries a user can trigger take the tenant; the job works by id on the
 * assessment it was given. State changes are guarded by the current status, so two workers can never both move the
 * same assessment on.
 */
@Repository
public class Assessments {

    private final JdbcClient jdbc;

    Assessments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record DocumentRef(String bucket, UUID documentId) {
    }

    public void insert(AssessmentRow row, List<DocumentRef> documents) {
        jdbc.sql("""
                insert into assessments (id, organization_id, workflow_id, workflow_version, workflow_name, reference,
                    status, as_of, created_by, created_at, parent_id, ai_provider, ai_model)
                values (:id, :tenant, :workflowId, :version, :workflowName, :reference, :status, :asOf, :createdBy,
                    :createdAt, :parentId, :aiProvider, :aiModel)""")
                .param("id", row.id()).param("tenant", row.organizationId()).param("workflowId", row.workflowId())
                .param("version", row.workflowVersion()).param("workflowName", row.workflowName())
                .param("reference", row.reference()).param("status", row.status()).param("asOf", row.asOf())
                .param("createdBy", row.createdBy()).param("createdAt", time(row.createdAt()))
                .param("parentId", row.parentId()).param("aiProvider", row.aiProvider())
                .param("aiModel", row.aiModel())
                .update();
        for (int i = 0; i < documents.size(); i++) {
            jdbc.sql("insert into assessment_documents (assessment_id, position, bucket, document_id) values (:id, :position, :bucket, :document)")
                    .param("id", row.id()).param("position", i).param("bucket", documents.get(i).bucket())
                    .param("document", documents.get(i).documentId()).update();
        }
    }

    public Optional<AssessmentRow> find(TenantId tenant, UUID id) {
        return jdbc.sql("select * from assessments where id = :id and organization_id = :tenant")
                .param("id", id).param("tenant", tenant.value()).query(Assessments::row).optional();
    }

    /** For the job and the reaper, which act on the assessment they were handed. */
    public Optional<AssessmentRow> findForJob(UUID id) {
        return jdbc.sql("select * from assessments where id = :id").param("id", id).query(Assessments::row).optional();
    }

    public List<AssessmentRow> list(TenantId tenant, String status, UUID workflowId, String q, Paging paging) {
        return jdbc.sql("select * from assessments" + filter() + " order by created_at desc, id desc limit :limit offset :offset")
                .params(filterParams(tenant, status, workflowId, q))
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(Assessments::row).list();
    }

    public long count(TenantId tenant, String status, UUID workflowId, String q) {
        return jdbc.sql("select count(*) from assessments" + filter()).params(filterParams(tenant, status, workflowId, q))
                .query(Long.class).single();
    }

    public List<DocumentRef> documents(UUID id) {
        return jdbc.sql("select bucket, document_id from assessment_documents where assessment_id = :id order by position")
                .param("id", id).query((rs, n) -> new DocumentRef(rs.getString("bucket"), rs.getObject("document_id", UUID.class)))
                .list();
    }

    /** queued → running; false when another worker already moved it on (or it was cancelled). */
    public boolean start(UUID id, String phase, int total, Instant now) {
        return jdbc.sql("""
                update assessments set status = 'running', phase = :phase, total = :total, started_at = coalesce(started_at, :now),
                    heartbeat_at = :now
                where id = :id and status in ('queued', 'running') and cancel_requested = false""")
                .param("phase", phase).param("total", total).param("now", time(now)).param("id", id).update() == 1;
    }

    public void progress(UUID id, String phase, int done, Instant now) {
        jdbc.sql("update assessments set phase = :phase, done = :done, heartbeat_at = :now where id = :id and status = 'running'")
                .param("phase", phase).param("done", done).param("now", time(now)).param("id", id).update();
    }

    public boolean complete(UUID id, String summary, Instant now) {
        return jdbc.sql("""
                update assessments set status = 'completed', phase = 'finalizing', done = total, summary = :summary,
                    finished_at = :now, heartbeat_at = :now
                where id = :id and status = 'running'""")
                .param("summary", summary).param("now", time(now)).param("id", id).update() == 1;
    }

    public boolean fail(UUID id, String error, Instant now) {
        return jdbc.sql("""
                update assessments set status = 'failed', error = :error, finished_at = :now
                where id = :id and status in ('queued', 'running')""")
                .param("error", truncate(error)).param("now", time(now)).param("id", id).update() == 1;
    }

    /** Marks the wish; a queued assessment is cancelled at once, a running one between two criteria. */
    public boolean requestCancel(TenantId tenant, UUID id, Instant now) {
        int changed = jdbc.sql("""
                update assessments set cancel_requested = true,
                    status = case when status = 'queued' then 'cancelled' else status end,
                    finished_at = case when status = 'queued' then :now else finished_at end
                where id = :id and organization_id = :tenant and status in ('queued', 'running')""")
                .param("now", time(now)).param("id", id).param("tenant", tenant.value()).update();
        return changed == 1;
    }

    public boolean cancelled(UUID id, Instant now) {
        return jdbc.sql("""
                update assessments set status = 'cancelled', finished_at = :now
                where id = :id and status = 'running' and cancel_requested = true""")
                .param("now", time(now)).param("id", id).update() == 1;
    }

    public boolean cancelRequested(UUID id) {
        return jdbc.sql("select cancel_requested from assessments where id = :id").param("id", id)
                .query(Boolean.class).optional().orElse(true);
    }

    /** Running assessments whose worker has not been heard of since the given instant. */
    public List<UUID> abandoned(Instant silentSince) {
        return jdbc.sql("select id from assessments where status = 'running' and heartbeat_at < :since")
                .param("since", time(silentSince)).query(UUID.class).list();
    }

    public List<StoredFinding> findings(UUID id) {
        return jdbc.sql("select criterion_key, position, finding, cache_key from assessment_findings where assessment_id = :id order by position")
                .param("id", id)
                .query((rs, n) -> new StoredFinding(rs.getString("criterion_key"), rs.getInt("position"),
                        rs.getString("finding"), rs.getString("cache_key")))
                .list();
    }

    /** Stores a criterion's finding once: a second attempt for the same criterion changes nothing. */
    public void saveFinding(UUID id, UUID tenant, StoredFinding finding, Instant now) {
        saveFinding(id, tenant, finding, null, now);
    }

    /** As {@link #saveFinding(UUID, UUID, StoredFinding, Instant)}, for a finding of the AI call {@code aiCall}. */
    public void saveFinding(UUID id, UUID tenant, StoredFinding finding, UUID aiCall, Instant now) {
        jdbc.sql("""
                insert into assessment_findings (assessment_id, criterion_key, organization_id, position, finding,
                    cache_key, created_at, ai_call_id)
                select :id, :key, :tenant, :position, :finding, :cacheKey, :now, :aiCall
                where not exists (select 1 from assessment_findings where assessment_id = :id and criterion_key = :key)""")
                .param("id", id).param("key", finding.criterionKey()).param("tenant", tenant)
                .param("position", finding.position()).param("finding", finding.finding())
                .param("cacheKey", finding.cacheKey()).param("now", time(now)).param("aiCall", aiCall)
                .update();
    }

    /** One AI call (a batch, its repair included) and its usage; {@code inputTokens} are the uncached ones. */
    public record AiCall(UUID id, String model, List<String> criterionKeys, int calls, long inputTokens,
            long outputTokens, long cacheWriteTokens, long cacheReadTokens, java.math.BigDecimal usd) {
    }

    /** Records the call and adds its usage to the assessment's totals, in one transaction. */
    @org.springframework.transaction.annotation.Transactional
    public void recordAiCall(UUID id, UUID tenant, AiCall call, Instant now) {
        jdbc.sql("""
                insert into assessment_ai_calls (id, assessment_id, organization_id, model, criterion_keys, calls,
                    input_tokens, output_tokens, cache_write_tokens, cache_read_tokens, usd, created_at)
                values (:callId, :id, :tenant, :model, :keys, :calls, :input, :output, :cacheWrite, :cacheRead, :usd, :now)""")
                .param("callId", call.id()).param("id", id).param("tenant", tenant).param("model", call.model())
                .param("keys", String.join(",", call.criterionKeys())).param("calls", call.calls())
                .param("input", call.inputTokens()).param("output", call.outputTokens())
                .param("cacheWrite", call.cacheWriteTokens()).param("cacheRead", call.cacheReadTokens())
                .param("usd", call.usd()).param("now", time(now))
                .update();
        jdbc.sql("""
                update assessments set input_tokens = input_tokens + :input + :cacheWrite + :cacheRead, output_tokens = output_tokens + :output,
                    cache_write_tokens = cache_write_tokens + :cacheWrite, cache_read_tokens = cache_read_tokens + :cacheRead,
                    usd = usd + :usd
                where id = :id""")
                .param("input", call.inputTokens()).param("output", call.outputTokens())
                .param("cacheWrite", call.cacheWriteTokens()).param("cacheRead", call.cacheReadTokens())
                .param("usd", call.usd()).param("id", id)
                .update();
    }

    /** The AI calls of an assessment, oldest first. */
    public List<AiCall> aiCalls(UUID id) {
        return jdbc.sql("select * from assessment_ai_calls where assessment_id = :id order by created_at, id")
                .param("id", id)
                .query((rs, n) -> new AiCall(rs.getObject("id", UUID.class), rs.getString("model"),
                        List.of(rs.getString("criterion_keys").split(",")), rs.getInt("calls"),
                        rs.getLong("input_tokens"), rs.getLong("output_tokens"), rs.getLong("cache_write_tokens"),
                        rs.getLong("cache_read_tokens"), rs.getBigDecimal("usd")))
                .list();
    }

    /** What the organization's assessments spent on AI since {@code since}. */
    public java.math.BigDecimal aiSpend(UUID tenant, Instant since) {
        return jdbc.sql("select coalesce(sum(usd), 0) from assessment_ai_calls where organization_id = :tenant and created_at >= :since")
                .param("tenant", tenant).param("since", time(since)).query(java.math.BigDecimal.class).single();
    }

    /** A finding computed earlier in the same organization for exactly the same inputs. */
    public Optional<String> cachedFinding(UUID tenant, String cacheKey) {
        return jdbc.sql("select finding from assessment_findings where organization_id = :tenant and cache_key = :key order by created_at desc limit 1")
                .param("tenant", tenant).param("key", cacheKey).query(String.class).optional();
    }

    private static String filter() {
        return " where organization_id = :tenant and (:status = '' or status = :status)"
                + " and (cast(:workflow as uuid) is null or workflow_id = cast(:workflow as uuid))"
                + " and (lower(coalesce(reference, '')) like :q escape '!' or lower(workflow_name) like :q escape '!')";
    }

    private static java.util.Map<String, Object> filterParams(TenantId tenant, String status, UUID workflowId, String q) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("tenant", tenant.value());
        params.put("status", status == null ? "" : status);
        params.put("workflow", workflowId);
        String escaped = (q == null ? "" : q.trim().toLowerCase(Locale.ROOT))
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        params.put("q", "%" + escaped + "%");
        return params;
    }

    private static AssessmentRow row(ResultSet rs, int n) throws SQLException {
        return new AssessmentRow(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getObject("workflow_id", UUID.class), rs.getInt("workflow_version"), rs.getString("workflow_name"),
                rs.getString("reference"), rs.getString("status"), rs.getString("phase"), rs.getInt("done"),
                rs.getInt("total"), rs.getObject("as_of", LocalDate.class), rs.getObject("created_by", UUID.class),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                instant(rs, "heartbeat_at"), rs.getBoolean("cancel_requested"), rs.getString("error"),
                rs.getString("summary"), rs.getLong("input_tokens"), rs.getLong("output_tokens"),
                rs.getBigDecimal("usd"), rs.getObject("parent_id", UUID.class), rs.getString("ai_provider"),
                rs.getString("ai_model"), rs.getLong("cache_write_tokens"), rs.getLong("cache_read_tokens"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 1000 ? value : value.substring(0, 999) + "…";
    }
}

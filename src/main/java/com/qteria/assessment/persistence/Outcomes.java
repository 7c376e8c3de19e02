package com.qteria.assessment.persistence;

import com.qteria.assessment.CriterionResult;
import com.qteria.assessment.Summary;
import com.qteria.evaluation.Verdict;
import com.qteria.shared.TenantId;
import com.qteria.workflow.WorkflowId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outcomes behind the insights and the dashboard: the stored (machine) results of a workflow's completed
 * assessments finished in a period, each with its review, and the feedback on them; the organization's assessments
 * by status and its completed ones' summaries. Read row by row, so a long period costs time, not memory.
 */
@Repository
public class Outcomes {

    private static final String COMPLETED_IN_PERIOD = """
            a.organization_id = :tenant and a.workflow_id = :workflow and a.status = 'completed'
                and a.finished_at >= :start and a.finished_at < :end""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Outcomes(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One criterion's result in one assessment: the machine's verdict and the reviewer's, null when not reviewed. */
    public record Outcome(String criterionKey, Verdict machine, Verdict reviewed) {
    }

    /** How many feedback rows said {@code correct} on results whose machine verdict was {@code machine}. */
    public record FeedbackCount(String criterionKey, Verdict machine, boolean correct, long count) {
    }

    public void results(TenantId tenant, WorkflowId workflow, Instant start, Instant end, Consumer<Outcome> each) {
        jdbc.sql("""
                select f.criterion_key, f.finding, r.verdict as reviewed
                from assessment_findings f join assessments a on a.id = f.assessment_id
                left join assessment_reviews r on r.assessment_id = f.assessment_id and r.criterion_key = f.criterion_key
                where\s""" + COMPLETED_IN_PERIOD)
                .params(period(tenant, workflow, start, end))
                .query((RowCallbackHandler) rs -> each.accept(new Outcome(rs.getString("criterion_key"),
                        json.readValue(rs.getString("finding"), CriterionResult.class).machineVerdict(),
                        verdict(rs.getString("reviewed")))));
    }

    public void feedback(TenantId tenant, WorkflowId workflow, Instant start, Instant end,
            Consumer<FeedbackCount> each) {
        jdbc.sql("""
                select fb.criterion_key, fb.machine_verdict, fb.correct, count(*) as n
                from assessment_feedback fb join assessments a on a.id = fb.assessment_id
                where\s""" + COMPLETED_IN_PERIOD + """

                group by fb.criterion_key, fb.machine_verdict, fb.correct""")
                .params(period(tenant, workflow, start, end))
                .query((RowCallbackHandler) rs -> each.accept(new FeedbackCount(rs.getString("criterion_key"),
                        verdict(rs.getString("machine_verdict")), rs.getBoolean("correct"), rs.getLong("n"))));
    }

    /** How many of the organization's assessments were started in the period, per status (its JSON value). */
    public Map<String, Long> byStatus(TenantId tenant, Instant start, Instant end) {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("""
                select status, count(*) as n from assessments
                where organization_id = :tenant and created_at >= :start and created_at < :end group by status""")
                .param("tenant", tenant.value()).param("start", start.atOffset(ZoneOffset.UTC))
                .param("end", end.atOffset(ZoneOffset.UTC))
                .query((RowCallbackHandler) rs -> counts.put(rs.getString("status"), rs.getLong("n")));
        return counts;
    }

    /** A completed assessment's workflow and summary. */
    public record Completed(WorkflowId workflowId, String workflowName, Summary summary) {
    }

    /** The organization's assessments that completed in the period, oldest first. */
    public void completed(TenantId tenant, Instant start, Instant end, Consumer<Completed> each) {
        jdbc.sql("""
                select workflow_id, workflow_name, summary from assessments
                where organization_id = :tenant and status = 'completed' and finished_at >= :start and finished_at < :end
                order by finished_at""")
                .param("tenant", tenant.value()).param("start", start.atOffset(ZoneOffset.UTC))
                .param("end", end.atOffset(ZoneOffset.UTC))
                .query((RowCallbackHandler) rs -> each.accept(new Completed(
                        new WorkflowId(rs.getObject("workflow_id", java.util.UUID.class)), rs.getString("workflow_name"),
                        json.readValue(rs.getString("summary"), Summary.class))));
    }

    private static Map<String, Object> period(TenantId tenant, WorkflowId workflow, Instant start, Instant end) {
        return Map.of("tenant", tenant.value(), "workflow", workflow.value(),
                "start", start.atOffset(ZoneOffset.UTC), "end", end.atOffset(ZoneOffset.UTC));
    }

    private static Verdict verdict(String json) {
        return json == null ? null : Verdict.valueOf(json.toUpperCase(Locale.ROOT));
    }
}

package com.qteria.assessment;

import com.qteria.assessment.persistence.Outcomes;
import com.qteria.evaluation.Verdict;
import com.qteria.shared.TenantId;
import com.qteria.workflow.WorkflowId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The organization's figures for the dashboard: how many assessments were started in a period per status, and how
 * the completed ones came out (overall verdict as the summary says now, reviews included) per workflow.
 */
@Service
public class AssessmentStatistics {

    private final Outcomes outcomes;

    AssessmentStatistics(Outcomes outcomes) {
        this.outcomes = outcomes;
    }

    /** Assessments started in {@code period}, per status; every status is present, 0 when none. */
    public Map<AssessmentStatus, Long> started(TenantId tenant, DateRange period) {
        Map<String, Long> found = outcomes.byStatus(tenant, period.start(), period.end());
        Map<AssessmentStatus, Long> counts = new EnumMap<>(AssessmentStatus.class);
        for (AssessmentStatus status : AssessmentStatus.values()) {
            counts.put(status, found.getOrDefault(status.value(), 0L));
        }
        return counts;
    }

    /** How the assessments of one workflow that completed in a period came out; named as in the latest of them. */
    public record WorkflowOutcomes(WorkflowId workflowId, String name, long passed, long failed, long needsReview) {

        WorkflowOutcomes add(String latestName, Summary summary) {
            return new WorkflowOutcomes(workflowId, latestName,
                    passed + (summary.overall() == Verdict.PASS ? 1 : 0),
                    failed + (summary.overall() == Verdict.FAIL ? 1 : 0),
                    needsReview + (summary.overall() == Verdict.NEEDS_REVIEW ? 1 : 0));
        }
    }

    /** Per workflow, in the order of their first completed assessment in {@code period}. */
    public List<WorkflowOutcomes> outcomes(TenantId tenant, DateRange period) {
        Map<WorkflowId, WorkflowOutcomes> byWorkflow = new LinkedHashMap<>();
        outcomes.completed(tenant, period.start(), period.end(), completed -> byWorkflow.merge(completed.workflowId(),
                new WorkflowOutcomes(completed.workflowId(), completed.workflowName(), 0, 0, 0)
                        .add(completed.workflowName(), completed.summary()),
                (earlier, latest) -> earlier.add(latest.name(), completed.summary())));
        return new ArrayList<>(byWorkflow.values());
    }
}

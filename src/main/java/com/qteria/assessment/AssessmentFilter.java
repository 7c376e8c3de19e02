package com.qteria.assessment;

import com.qteria.workflow.WorkflowId;
import java.util.Locale;

/**
 * Which of the organization's assessments a list shows: a status (its JSON value, or blank for every status), a
 * workflow (null for all), text in the reference or the workflow's name (blank for any) and the days they were
 * started on.
 */
public record AssessmentFilter(String status, WorkflowId workflowId, String q, DateRange started) {

    /** Every assessment. */
    public static final AssessmentFilter ALL = new AssessmentFilter("", null, "", DateRange.ALWAYS);

    public AssessmentFilter {
        status = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        q = q == null ? "" : q.strip();
        started = started == null ? DateRange.ALWAYS : started;
    }

    /** Whether anything narrows the list. */
    public boolean narrowed() {
        return !status.isEmpty() || workflowId != null || !q.isEmpty() || !started.equals(DateRange.ALWAYS);
    }
}

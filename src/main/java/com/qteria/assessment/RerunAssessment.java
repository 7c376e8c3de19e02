package com.qteria.assessment;

import java.util.List;

/**
 * {@code POST /api/v1/assessments/{id}/rerun}: the buckets whose documents are replaced (each listed bucket gets the
 * documents given for it; every other bucket keeps the earlier run's), and whether to run on the workflow's newest
 * version instead of the version the earlier run used. Both optional: an empty body re-runs the same documents.
 */
public record RerunAssessment(List<StartAssessment.BucketDocument> replace, Boolean latestWorkflow) {

    public static final RerunAssessment SAME = new RerunAssessment(List.of(), false);
}

package com.qteria.assessment;

import com.qteria.shared.AuditableEvent;
import com.qteria.shared.TenantId;
import com.qteria.workflow.WorkflowId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What happened to an assessment that belongs in the audit log. */
public sealed interface AssessmentEvent extends AuditableEvent {

    AssessmentId assessmentId();

    default String resourceType() {
        return "assessment";
    }

    default String resourceId() {
        return assessmentId().toString();
    }

    /**
     * An assessment was queued; a re-run ({@code parentId} the assessment it re-runs) is audited as
     * {@code assessment.rerun}, with the buckets whose documents it replaced.
     */
    record AssessmentStarted(TenantId tenantId, String actor, AssessmentId assessmentId, WorkflowId workflowId,
            int version, String reference, AssessmentId parentId, List<String> replacedBuckets)
            implements AssessmentEvent {

        public AssessmentStarted(TenantId tenantId, String actor, AssessmentId assessmentId, WorkflowId workflowId,
                int version, String reference) {
            this(tenantId, actor, assessmentId, workflowId, version, reference, null, null);
        }

        public String action() { return parentId == null ? "assessment.started" : "assessment.rerun"; }

        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("workflow_id", workflowId.toString());
            details.put("workflow_version", version);
            details.put("reference", reference);
            if (parentId != null) {
                details.put("parent_id", parentId.toString());
                details.put("replaced_buckets", replacedBuckets == null ? List.of() : replacedBuckets);
            }
            return details;
        }
    }

    /** The results of a completed assessment were downloaded as a file; {@code format} csv or json. */
    record AssessmentExported(TenantId tenantId, String actor, AssessmentId assessmentId, String format)
            implements AssessmentEvent {
        public String action() { return "assessment.exported"; }
        public Map<String, Object> details() {
            return Map.of("format", format);
        }
    }

    record AssessmentCancelled(TenantId tenantId, String actor, AssessmentId assessmentId) implements AssessmentEvent {
        public String action() { return "assessment.cancelled"; }

        public Map<String, Object> details() {
            return Map.of();
        }
    }

    record AssessmentCompleted(TenantId tenantId, String actor, AssessmentId assessmentId, String overall)
            implements AssessmentEvent {
        public String action() { return "assessment.completed"; }

        public Map<String, Object> details() {
            return Map.of("overall", overall);
        }
    }

    /** A person confirmed or overrode the machine's verdict on one criterion. */
    record ResultReviewed(TenantId tenantId, String actor, AssessmentId assessmentId, String criterionKey,
            String verdict, String machineVerdict, String comment) implements AssessmentEvent {
        public String action() { return "assessment.result_reviewed"; }

        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("criterion_key", criterionKey);
            details.put("verdict", verdict);
            details.put("machine_verdict", machineVerdict);
            details.put("comment", comment);
            return details;
        }
    }

    /** A review was undone: the machine's verdict counts again. */
    record ReviewRemoved(TenantId tenantId, String actor, AssessmentId assessmentId, String criterionKey,
            String removedVerdict, String machineVerdict) implements AssessmentEvent {
        public String action() { return "assessment.review_removed"; }

        public Map<String, Object> details() {
            return Map.of("criterion_key", criterionKey, "removed_verdict", removedVerdict,
                    "machine_verdict", machineVerdict);
        }
    }

    /**
     * A re-run took over the reviews of its parent for the criteria whose finding it reused unchanged (same inputs,
     * same machine verdict); each keeps its reviewer, time and comment.
     */
    record ReviewsCarriedOver(TenantId tenantId, String actor, AssessmentId assessmentId, AssessmentId parentId,
            List<String> criterionKeys) implements AssessmentEvent {
        public String action() { return "assessment.reviews_carried_over"; }

        public Map<String, Object> details() {
            return Map.of("parent_id", parentId.toString(), "criterion_keys", criterionKeys);
        }
    }

    /** A person said whether the machine's verdict on one criterion was correct. */
    record FeedbackGiven(TenantId tenantId, String actor, AssessmentId assessmentId, String criterionKey,
            boolean correct, String machineVerdict, String comment) implements AssessmentEvent {
        public String action() { return "assessment.feedback_given"; }

        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("criterion_key", criterionKey);
            details.put("correct", correct);
            details.put("machine_verdict", machineVerdict);
            details.put("comment", comment);
            return details;
        }
    }

    /**
     * The assessment was deleted under its organization's retention policy ({@code actor} {@code system}), with its
     * results, reviews, feedback and share links.
     */
    record AssessmentExpired(TenantId tenantId, String actor, AssessmentId assessmentId, int retentionDays)
            implements AssessmentEvent {
        public String action() { return "assessment.expired"; }

        public Map<String, Object> details() {
            return Map.of("retention_days", retentionDays);
        }
    }

    record AssessmentFailed(TenantId tenantId, String actor, AssessmentId assessmentId, String error)
            implements AssessmentEvent {
        public String action() { return "assessment.failed"; }

        public Map<String, Object> details() {
            return Map.of("error", error);
        }
    }

    /** What happened to a share link of the assessment: audited as a {@code share} resource, by the link's id. */
    sealed interface ShareEvent extends AssessmentEvent {

        java.util.UUID shareId();

        default String resourceType() {
            return "share";
        }

        default String resourceId() {
            return shareId().toString();
        }

        default Map<String, Object> details() {
            return Map.of("assessment_id", assessmentId().toString());
        }
    }

    /** A share link to the assessment's read-only report was created (the link's secret is never in the log). */
    record ShareCreated(TenantId tenantId, String actor, AssessmentId assessmentId, java.util.UUID shareId,
            java.time.Instant expiresAt) implements ShareEvent {
        public String action() { return "share.created"; }

        public Map<String, Object> details() {
            return Map.of("assessment_id", assessmentId.toString(), "expires_at", expiresAt.toString());
        }
    }

    /** A share link was revoked: its report answers 404 from now on. */
    record ShareRevoked(TenantId tenantId, String actor, AssessmentId assessmentId, java.util.UUID shareId)
            implements ShareEvent {
        public String action() { return "share.revoked"; }
    }

    /**
     * Someone opened a share link's report page ({@code what}: {@code page}) or its PDF ({@code pdf}); the actor is
     * {@code anonymous} (the audit log keeps the address).
     */
    record ShareViewed(TenantId tenantId, String actor, AssessmentId assessmentId, java.util.UUID shareId, String what)
            implements ShareEvent {
        public String action() { return "share.viewed"; }

        public Map<String, Object> details() {
            return Map.of("assessment_id", assessmentId.toString(), "viewed", what);
        }
    }
}

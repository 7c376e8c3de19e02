package com.qteria.assessment;

import com.qteria.shared.AuditableEvent;
import com.qteria.shared.TenantId;
import com.qteria.workflow.WorkflowId;
import java.util.LinkedHashMap;
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

    record AssessmentStarted(TenantId tenantId, String actor, AssessmentId assessmentId, WorkflowId workflowId,
            int version, String reference) implements AssessmentEvent {
        public String action() { return "assessment.started"; }

        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("workflow_id", workflowId.toString());
            details.put("workflow_version", version);
            details.put("reference", reference);
            return details;
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

    record AssessmentFailed(TenantId tenantId, String actor, AssessmentId assessmentId, String error)
            implements AssessmentEvent {
        public String action() { return "assessment.failed"; }

        public Map<String, Object> details() {
            return Map.of("error", error);
        }
    }
}

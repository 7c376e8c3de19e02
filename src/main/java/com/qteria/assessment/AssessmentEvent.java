package com.qteria.assessment;

import com.qteria.shared.AuditableEvent;
import com.qteria.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What happened to an assessment that belongs in the audit log. */
public sealed interface AssessmentEvent extends AuditableEvent {

    UUID assessmentId();

    default String resourceType() {
        return "assessment";
    }

    default String resourceId() {
        return assessmentId().toString();
    }

    record AssessmentStarted(TenantId tenantId, String actor, UUID assessmentId, UUID workflowId, int version,
            String reference) implements AssessmentEvent {
        public String action() { return "assessment.started"; }

        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("workflow_id", workflowId.toString());
            details.put("workflow_version", version);
            details.put("reference", reference);
            return details;
        }
    }

    record AssessmentCancelled(TenantId tenantId, String actor, UUID assessmentId) implements AssessmentEvent {
        public String action() { return "assessment.cancelled"; }

        public Map<String, Object> details() {
            return Map.of();
        }
    }

    record AssessmentCompleted(TenantId tenantId, String actor, UUID assessmentId, String overall)
            implements AssessmentEvent {
        public String action() { return "assessment.completed"; }

        public Map<String, Object> details() {
            return Map.of("overall", overall);
        }
    }

    record AssessmentFailed(TenantId tenantId, String actor, UUID assessmentId, String error)
            implements AssessmentEvent {
        public String action() { return "assessment.failed"; }

        public Map<String, Object> details() {
            return Map.of("error", error);
        }
    }
}

package com.qteria.workflow;

import com.qteria.shared.AuditableEvent;
import com.qteria.shared.TenantId;
import java.util.Map;

/** What happened to a workflow; each lands in the audit log. */
public sealed interface WorkflowEvent extends AuditableEvent {

    WorkflowId workflowId();

    int version();

    String name();

    default String resourceType() {
        return "workflow";
    }

    default String resourceId() {
        return workflowId().toString();
    }

    default Map<String, Object> details() {
        return Map.of("name", name(), "version", version());
    }

    record WorkflowCreated(TenantId tenantId, String actor, WorkflowId workflowId, int version, String name)
            implements WorkflowEvent {
        public String action() { return "workflow.created"; }
    }

    record WorkflowImported(TenantId tenantId, String actor, WorkflowId workflowId, int version, String name)
            implements WorkflowEvent {
        public String action() { return "workflow.imported"; }
    }

    record WorkflowUpdated(TenantId tenantId, String actor, WorkflowId workflowId, int version, String name)
            implements WorkflowEvent {
        public String action() { return "workflow.updated"; }
    }

    record WorkflowArchived(TenantId tenantId, String actor, WorkflowId workflowId, int version, String name)
            implements WorkflowEvent {
        public String action() { return "workflow.archived"; }
    }
}

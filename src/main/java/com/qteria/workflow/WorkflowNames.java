package com.qteria.workflow;

import com.qteria.shared.ResourceNames;
import com.qteria.shared.TenantId;
import com.qteria.workflow.persistence.WorkflowStore;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Workflows by their current name, linked to their page. */
@Component
class WorkflowNames implements ResourceNames {

    private final WorkflowStore store;

    WorkflowNames(WorkflowStore store) {
        this.store = store;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of("workflow");
    }

    @Override
    public Map<String, ResourceName> names(TenantId tenant, String type, Collection<String> ids) {
        return store.names(tenant, ResourceNames.uuids(ids)).entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().toString(), e -> new ResourceName(e.getValue(), "/workflows/" + e.getKey())));
    }
}

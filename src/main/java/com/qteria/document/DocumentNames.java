package com.qteria.document;

import com.qteria.shared.ResourceNames;
import com.qteria.shared.TenantId;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Documents by their file name, linked to their page. */
@Component
class DocumentNames implements ResourceNames {

    private final DocumentManagement documents;

    DocumentNames(DocumentManagement documents) {
        this.documents = documents;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of("document");
    }

    @Override
    public Map<String, ResourceName> names(TenantId tenant, String type, Collection<String> ids) {
        var wanted = ResourceNames.uuids(ids).stream().map(DocumentId::new).toList();
        return documents.find(tenant, wanted).values().stream().collect(Collectors.toMap(
                d -> d.id().toString(), d -> new ResourceName(d.filename(), "/documents/" + d.id())));
    }
}

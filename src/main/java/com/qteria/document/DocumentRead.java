package com.qteria.document;

import com.qteria.shared.TenantId;
import java.util.UUID;

/** Published when reading a document has finished: it is now ready or rejected. */
public record DocumentRead(TenantId tenantId, UUID documentId, DocumentStatus status) {
}

package com.qteria.document;

import com.qteria.shared.TenantId;

/** Published when reading a document has finished: it is now ready or rejected. */
public record DocumentRead(TenantId tenantId, DocumentId documentId, DocumentStatus status) {
}

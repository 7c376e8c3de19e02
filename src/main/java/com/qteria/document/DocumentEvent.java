package com.qteria.document;

import com.qteria.shared.AuditableEvent;
import com.qteria.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;

/** What happened to a document that belongs in the audit log. */
public sealed interface DocumentEvent extends AuditableEvent {

    DocumentId documentId();

    String filename();

    default String resourceType() {
        return "document";
    }

    default String resourceId() {
        return documentId().toString();
    }

    default Map<String, Object> details() {
        return Map.of("filename", filename());
    }

    record DocumentUploaded(TenantId tenantId, String actor, DocumentId documentId, String filename, long sizeBytes,
            String sha256) implements DocumentEvent {
        public String action() { return "document.uploaded"; }

        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("filename", filename);
            details.put("size_bytes", sizeBytes);
            details.put("sha256", sha256);
            return details;
        }
    }

    record DocumentDownloaded(TenantId tenantId, String actor, DocumentId documentId, String filename)
            implements DocumentEvent {
        public String action() { return "document.downloaded"; }
    }

    /** The document's whole extracted text was downloaded ({@code GET /api/v1/documents/{id}/text}). */
    record DocumentTextDownloaded(TenantId tenantId, String actor, DocumentId documentId, String filename)
            implements DocumentEvent {
        public String action() { return "document.text_downloaded"; }
    }

    record DocumentDeleted(TenantId tenantId, String actor, DocumentId documentId, String filename)
            implements DocumentEvent {
        public String action() { return "document.deleted"; }
    }
}

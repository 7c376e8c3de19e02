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

    /**
     * The document was deleted under its organization's retention policy ({@code actor} {@code system}): its row,
     * pages, word boxes, signatures and stored object. {@code lastUsedAt} is when an assessment last took it, null if
     * none did.
     */
    record DocumentExpired(TenantId tenantId, String actor, DocumentId documentId, String filename, long sizeBytes,
            String sha256, java.time.Instant uploadedAt, java.time.Instant lastUsedAt, int retentionDays)
            implements DocumentEvent {
        public String action() { return "document.expired"; }

        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("filename", filename);
            details.put("size_bytes", sizeBytes);
            details.put("sha256", sha256);
            details.put("uploaded_at", uploadedAt.toString());
            details.put("last_used_at", lastUsedAt == null ? null : lastUsedAt.toString());
            details.put("retention_days", retentionDays);
            return details;
        }
    }

    record DocumentDeleted(TenantId tenantId, String actor, DocumentId documentId, String filename)
            implements DocumentEvent {
        public String action() { return "document.deleted"; }
    }
}

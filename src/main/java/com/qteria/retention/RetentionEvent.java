package com.qteria.retention;

import com.qteria.shared.AuditableEvent;
import com.qteria.shared.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the retention module does that belongs in the audit log. Each document and assessment deleted under a policy
 * has its own entry ({@code document.expired}, {@code assessment.expired}); these say what was decided and what a
 * run did as a whole.
 */
public sealed interface RetentionEvent extends AuditableEvent {

    /** An admin changed the organization's retention policy; the previous one is kept beside it. */
    record RetentionPolicyChanged(TenantId tenantId, String actor, RetentionPolicy policy, RetentionPolicy previous)
            implements RetentionEvent {
        public String action() { return "organization.retention_changed"; }

        public String resourceType() { return "organization"; }

        public String resourceId() { return tenantId.value().toString(); }

        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("document_days", policy.documentDays());
            details.put("assessments", policy.assessments().value());
            details.put("previous_document_days", previous.documentDays());
            details.put("previous_assessments", previous.assessments().value());
            return details;
        }
    }

    /**
     * A daily run applied the organization's policy and deleted something: how much, and from which instant on
     * things were kept. Not published when nothing was due.
     */
    record RetentionApplied(TenantId tenantId, RetentionPolicy policy, Instant cutoff, long documents,
            long documentBytes, long assessments) implements RetentionEvent {
        public String actor() { return "system"; }

        public String action() { return "retention.applied"; }

        public String resourceType() { return "organization"; }

        public String resourceId() { return tenantId.value().toString(); }

        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("document_days", policy.documentDays());
            details.put("assessments_rule", policy.assessments().value());
            details.put("kept_from", cutoff.toString());
            details.put("documents_deleted", documents);
            details.put("document_bytes_deleted", documentBytes);
            details.put("assessments_deleted", assessments);
            return details;
        }
    }

    /**
     * A daily run deleted, in every organization, share links, bearer tokens and invitations that had ended before
     * {@code endedBefore}; audited in the platform's chain. Not published when nothing had ended.
     */
    record EndedCredentialsPurged(Instant endedBefore, int shareLinks, int accessTokens, int invitations)
            implements RetentionEvent {
        public TenantId tenantId() { return null; }

        public String actor() { return "system"; }

        public String action() { return "retention.purged"; }

        public String resourceType() { return null; }

        public String resourceId() { return null; }

        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("ended_before", endedBefore.toString());
            details.put("share_links", shareLinks);
            details.put("access_tokens", accessTokens);
            details.put("invitations", invitations);
            return details;
        }
    }
}

package com.qteria.identity;

import com.qteria.shared.AuditableEvent;
import com.qteria.shared.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What happened to organizations, users, sign-ins and tokens. Each one lands in the audit log. */
public sealed interface IdentityEvent extends AuditableEvent {

    /** An event about one user; {@code userId} is null only for a failed sign-in with an unknown email. */
    sealed interface UserEvent extends IdentityEvent {
        UUID userId();

        default String resourceType() { return "user"; }

        default String resourceId() { return userId() == null ? null : userId().toString(); }
    }

    /** An event about one access token. */
    sealed interface TokenEvent extends IdentityEvent {
        UUID tokenId();

        default String resourceType() { return "token"; }

        default String resourceId() { return tokenId().toString(); }
    }

    record OrganizationCreated(TenantId tenantId, String actor, String name, UUID adminId) implements IdentityEvent {
        public String action() { return "organization.created"; }
        public String resourceType() { return "organization"; }
        public String resourceId() { return tenantId.toString(); }
        public Map<String, Object> details() { return Map.of("name", name, "admin_id", adminId.toString()); }
    }

    record UserCreated(TenantId tenantId, String actor, UUID userId, String email, Role role, boolean invited)
            implements UserEvent {
        public String action() { return "user.created"; }
        public Map<String, Object> details() {
            return Map.of("email", email, "role", role.key(), "invited", invited);
        }
    }

    /**
     * An invitation link was issued for a user without a password. {@code delivery} is {@code email} when it goes out
     * by mail, {@code link} when the admin was shown the link to pass on; {@code resent} when it replaced older ones.
     */
    record UserInvited(TenantId tenantId, String actor, UUID userId, String email, UUID invitationId,
            Instant expiresAt, String delivery, boolean resent) implements UserEvent {
        public String action() { return "user.invited"; }
        public Map<String, Object> details() {
            return Map.of("email", email, "invitation_id", invitationId.toString(), "expires_at",
                    expiresAt.toString(), "delivery", delivery, "resent", resent);
        }
    }

    /** The invitee opened the link and chose their password; the actor is the invitee. */
    record UserInvitationAccepted(TenantId tenantId, String actor, UUID userId, UUID invitationId)
            implements UserEvent {
        public String action() { return "user.invitation_accepted"; }
        public Map<String, Object> details() { return Map.of("invitation_id", invitationId.toString()); }
    }

    record UserUpdated(TenantId tenantId, String actor, UUID userId, Map<String, Object> changes)
            implements UserEvent {
        public String action() { return "user.updated"; }
        public Map<String, Object> details() { return changes; }
    }

    /** The user changed their own preferences; {@code changes} maps each changed one to {@code {from, to}}. */
    record PreferencesChanged(TenantId tenantId, String actor, UUID userId, Map<String, Object> changes)
            implements UserEvent {
        public String action() { return "user.preferences_changed"; }
        public Map<String, Object> details() { return changes; }
    }

    record UserDeactivated(TenantId tenantId, String actor, UUID userId, String email) implements UserEvent {
        public String action() { return "user.deactivated"; }
        public Map<String, Object> details() { return Map.of("email", email); }
    }

    /**
     * A sign-in. {@code unrecordedRefusals}: throttled attempts for this email since its previous sign-in entry that
     * were counted rather than recorded one by one (0 when there were none; then absent from the details).
     */
    record SignedIn(TenantId tenantId, String actor, UUID userId, String method, int unrecordedRefusals)
            implements UserEvent {
        public SignedIn(TenantId tenantId, String actor, UUID userId, String method) {
            this(tenantId, actor, userId, method, 0);
        }

        public String action() { return "auth.signed_in"; }
        public Map<String, Object> details() { return signInDetails(method, null, null, unrecordedRefusals); }
    }

    /**
     * A failed sign-in. {@code tenantId} and {@code userId} are null when the email belongs to nobody. A throttled
     * attempt ({@code reason} rate_limited) is recorded once per blocked period, with {@code blockedUntil}; the
     * refusals after it are counted and given as {@code unrecordedRefusals} on the email's next sign-in entry.
     */
    record SignInFailed(TenantId tenantId, String actor, UUID userId, String method, String reason,
            Instant blockedUntil, int unrecordedRefusals) implements UserEvent {
        public String action() { return "auth.sign_in_failed"; }
        public Map<String, Object> details() { return signInDetails(method, reason, blockedUntil, unrecordedRefusals); }
    }

    record SignedOut(TenantId tenantId, String actor, UUID userId, String method) implements UserEvent {
        public String action() { return "auth.signed_out"; }
        public Map<String, Object> details() { return Map.of("method", method); }
    }

    record TokenCreated(TenantId tenantId, String actor, UUID tokenId, String kind, String name)
            implements TokenEvent {
        public String action() { return "token.created"; }
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("kind", kind);
            if (name != null) {
                details.put("name", name);
            }
            return details;
        }
    }

    record TokenRevoked(TenantId tenantId, String actor, UUID tokenId, String kind) implements TokenEvent {
        public String action() { return "token.revoked"; }
        public Map<String, Object> details() { return Map.of("kind", kind); }
    }

    private static Map<String, Object> signInDetails(String method, String reason, Instant blockedUntil,
            int unrecordedRefusals) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", method);
        if (reason != null) {
            details.put("reason", reason);
        }
        if (blockedUntil != null) {
            details.put("blocked_until", blockedUntil.toString());
        }
        if (unrecordedRefusals > 0) {
            details.put("unrecorded_refusals", unrecordedRefusals);
        }
        return details;
    }
}

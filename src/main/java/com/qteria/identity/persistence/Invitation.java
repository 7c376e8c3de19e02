package com.qteria.identity.persistence;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A single-use link that lets a user without a password choose one. The secret itself is never stored, only its
 * SHA-256. {@code invitedBy} is the admin who sent it.
 */
@Table("invitations")
public record Invitation(@Id UUID id, UUID organizationId, UUID userId, String secretHash, UUID invitedBy,
        Instant createdAt, Instant expiresAt, Instant acceptedAt, Instant revokedAt) {

    public static Invitation issue(UUID id, UUID organizationId, UUID userId, String secretHash, UUID invitedBy,
            Instant now, Instant expiresAt) {
        return new Invitation(id, organizationId, userId, secretHash, invitedBy, now, expiresAt, null, null);
    }

    /** Not yet accepted, not replaced by a newer invitation, not expired. */
    public boolean usableAt(Instant now) {
        return acceptedAt == null && revokedAt == null && expiresAt.isAfter(now);
    }
}

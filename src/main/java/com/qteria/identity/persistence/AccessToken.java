package com.qteria.identity.persistence;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A bearer token; the secret itself is never stored, only its SHA-256. */
@Table("access_tokens")
public record AccessToken(@Id UUID id, UUID organizationId, UUID userId, Kind kind, String name, String tokenHash,
        Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    public enum Kind {
        /** Issued by {@code POST /api/v1/auth/token}. */
        SIGN_IN,
        /** Created by the user under {@code /api/v1/me/tokens}. */
        PERSONAL
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}

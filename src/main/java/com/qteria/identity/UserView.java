package com.qteria.identity;

import java.time.Instant;
import java.util.UUID;

/** A user as the API shows it; never the password hash. */
public record UserView(UUID id, String email, String name, Role role, boolean active, Instant createdAt,
        Instant updatedAt) {
}

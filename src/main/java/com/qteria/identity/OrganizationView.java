package com.qteria.identity;

import java.time.Instant;
import java.util.UUID;

public record OrganizationView(UUID id, String name, Instant createdAt) {
}

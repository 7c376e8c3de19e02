package com.qteria.identity.persistence;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("organizations")
public record Organization(@Id UUID id, String name, Instant createdAt) {
}

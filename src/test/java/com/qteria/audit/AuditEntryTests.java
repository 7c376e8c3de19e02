package com.qteria.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The hash covers every field and the link to the previous entry. */
class AuditEntryTests {

    private final AuditEntry entry = new AuditEntry(UUID.randomUUID(), "chain", 7, UUID.randomUUID(),
            Instant.parse("2026-03-01T10:15:30.123456Z"), "ada@example.com", "user.created", "user", "42",
            "10.0.0.1", "{\"role\":\"admin\"}", "a".repeat(64), null);

    @Test
    void theHashIsDeterministic() {
        assertThat(entry.computeHash()).hasSize(64).isEqualTo(entry.computeHash());
    }

    @Test
    void changingAnyFieldChangesTheHash() {
        String original = entry.computeHash();
        for (UnaryOperator<AuditEntry> change : java.util.List.<UnaryOperator<AuditEntry>>of(
                e -> new AuditEntry(UUID.randomUUID(), e.chain(), e.seq(), e.organizationId(), e.at(), e.actor(), e.action(), e.resourceType(), e.resourceId(), e.ip(), e.details(), e.prevHash(), null),
                e -> new AuditEntry(e.id(), e.chain(), e.seq() + 1, e.organizationId(), e.at(), e.actor(), e.action(), e.resourceType(), e.resourceId(), e.ip(), e.details(), e.prevHash(), null),
                e -> new AuditEntry(e.id(), e.chain(), e.seq(), e.organizationId(), e.at().plusNanos(1000), e.actor(), e.action(), e.resourceType(), e.resourceId(), e.ip(), e.details(), e.prevHash(), null),
                e -> new AuditEntry(e.id(), e.chain(), e.seq(), e.organizationId(), e.at(), "eve@example.com", e.action(), e.resourceType(), e.resourceId(), e.ip(), e.details(), e.prevHash(), null),
                e -> new AuditEntry(e.id(), e.chain(), e.seq(), e.organizationId(), e.at(), e.actor(), "user.deleted", e.resourceType(), e.resourceId(), e.ip(), e.details(), e.prevHash(), null),
                e -> new AuditEntry(e.id(), e.chain(), e.seq(), e.organizationId(), e.at(), e.actor(), e.action(), e.resourceType(), "43", e.ip(), e.details(), e.prevHash(), null),
                e -> new AuditEntry(e.id(), e.chain(), e.seq(), e.organizationId(), e.at(), e.actor(), e.action(), e.resourceType(), e.resourceId(), "10.0.0.2", e.details(), e.prevHash(), null),
                e -> new AuditEntry(e.id(), e.chain(), e.seq(), e.organizationId(), e.at(), e.actor(), e.action(), e.resourceType(), e.resourceId(), e.ip(), "{\"role\":\"viewer\"}", e.prevHash(), null),
                e -> new AuditEntry(e.id(), e.chain(), e.seq(), e.organizationId(), e.at(), e.actor(), e.action(), e.resourceType(), e.resourceId(), e.ip(), e.details(), "b".repeat(64), null))) {
            assertThat(change.apply(entry).computeHash()).isNotEqualTo(original);
        }
    }
}

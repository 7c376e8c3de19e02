package com.qteria.retention.persistence;

import com.qteria.retention.RetainedAssessments;
import com.qteria.retention.RetentionPolicy;
import com.qteria.shared.TenantId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organizations' retention policies; an organization without a row has the defaults. */
@Repository
public class RetentionPolicies {

    private final JdbcClient jdbc;

    RetentionPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> find(TenantId tenant) {
        return jdbc.sql("select * from retention_policies where organization_id = :tenant")
                .param("tenant", tenant.value())
                .query((rs, n) -> new Stored(new RetentionPolicy(rs.getObject("document_days", Integer.class),
                        RetainedAssessments.of(rs.getString("assessments")).orElseThrow()),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by")))
                .optional();
    }

    /** Inserts or replaces the organization's policy (the caller holds a transaction). */
    public void save(TenantId tenant, RetentionPolicy policy, String by, Instant at) {
        int updated = jdbc.sql("""
                update retention_policies set document_days = :days, assessments = :assessments, updated_at = :at,
                    updated_by = :by
                where organization_id = :tenant""")
                .param("days", policy.documentDays()).param("assessments", policy.assessments().value())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("by", by)
                .param("tenant", tenant.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into retention_policies (organization_id, document_days, assessments, updated_at, updated_by)
                    values (:tenant, :days, :assessments, :at, :by)""")
                    .param("days", policy.documentDays()).param("assessments", policy.assessments().value())
                    .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("by", by)
                    .param("tenant", tenant.value()).update();
        }
    }

    /** A policy as stored, with who changed it last and when. */
    public record Stored(RetentionPolicy policy, Instant updatedAt, String updatedBy) {
    }
}

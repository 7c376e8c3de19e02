package com.qteria.assessment.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code organization_ai_settings}: one row per organization that changed its AI settings. */
@Repository
public class AiSettingsRows {

    private final JdbcClient jdbc;

    AiSettingsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(UUID organizationId, String provider, String model, BigDecimal monthlyBudgetUsd) {
    }

    public Optional<Row> find(UUID tenant) {
        return jdbc.sql("select * from organization_ai_settings where organization_id = :tenant").param("tenant", tenant)
                .query((rs, n) -> new Row(rs.getObject("organization_id", UUID.class), rs.getString("provider"),
                        rs.getString("model"), rs.getBigDecimal("monthly_budget_usd")))
                .optional();
    }

    public void save(Row row, UUID by, Instant now) {
        int updated = jdbc.sql("""
                update organization_ai_settings set provider = :provider, model = :model,
                    monthly_budget_usd = :budget, updated_at = :now, updated_by = :by
                where organization_id = :tenant""")
                .param("provider", row.provider()).param("model", row.model()).param("budget", row.monthlyBudgetUsd())
                .param("now", now.atOffset(ZoneOffset.UTC)).param("by", by).param("tenant", row.organizationId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into organization_ai_settings (organization_id, provider, model, monthly_budget_usd,
                        updated_at, updated_by)
                    values (:tenant, :provider, :model, :budget, :now, :by)""")
                    .param("provider", row.provider()).param("model", row.model())
                    .param("budget", row.monthlyBudgetUsd()).param("now", now.atOffset(ZoneOffset.UTC))
                    .param("by", by).param("tenant", row.organizationId())
                    .update();
        }
    }
}

package com.qteria.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The worked example of docs/rollback.md, "Schema changes: expand, migrate, contract": renaming
 * {@code assessments.reference} to {@code client_reference} in three releases
 * ({@code src/test/resources/expand-contract}), on a fresh PostgreSQL database migrated to head. Old-style writes
 * (the old column) and new-style writes (the new column) stay equal while both releases run; the contract drops the
 * old column; rolling the contract back and then the expansion loses nothing written in between. That the running
 * product (the old release) keeps working on the expanded schema: {@code ExpandedSchemaTests}.
 */
class ExpandContractTests {

    static final String EXPAND = "expand-contract/release-1-expand.yaml";
    static final String CONTRACT = "expand-contract/release-3-contract.yaml";

    @Test
    void aColumnRenamedInThreeReleasesRollsBackStepByStepWithoutLosingAWrite() {
        MigrationRoundTripTests.requirePostgres();
        DataSource dataSource = MigrationRoundTripTests.postgres();
        new Migrations(dataSource).migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        UUID organization = UUID.randomUUID();
        jdbc.sql("insert into organizations (id, name, created_at) values (:id, 'Expand Labs', now())")
                .param("id", organization).update();
        UUID before = insert(jdbc, organization, "reference", "Before the release");

        new Migrations(dataSource, EXPAND).migrate();
        assertThat(references(jdbc, before)).as("filled from the old column")
                .containsExactly("Before the release", "Before the release");
        UUID oldStyle = insert(jdbc, organization, "reference", "Written by release 0");
        UUID newStyle = insert(jdbc, organization, "client_reference", "Written by release 2");
        assertThat(references(jdbc, oldStyle)).containsExactly("Written by release 0", "Written by release 0");
        assertThat(references(jdbc, newStyle)).containsExactly("Written by release 2", "Written by release 2");
        jdbc.sql("update assessments set client_reference = 'Renamed by release 2' where id = :id")
                .param("id", before).update();
        assertThat(references(jdbc, before)).containsExactly("Renamed by release 2", "Renamed by release 2");
        jdbc.sql("update assessments set reference = 'Renamed by release 0' where id = :id")
                .param("id", oldStyle).update();
        assertThat(references(jdbc, oldStyle)).containsExactly("Renamed by release 0", "Renamed by release 0");

        new Migrations(dataSource, CONTRACT).migrate();
        assertThat(columns(jdbc)).contains("client_reference").doesNotContain("reference");
        jdbc.sql("update assessments set client_reference = 'After the contract' where id = :id")
                .param("id", newStyle).update();

        new Migrations(dataSource, CONTRACT).rollback(1);
        assertThat(columns(jdbc)).contains("client_reference", "reference");
        assertThat(references(jdbc, newStyle)).as("a write after the contract survives its rollback")
                .containsExactly("After the contract", "After the contract");
        jdbc.sql("update assessments set reference = 'Old release again' where id = :id")
                .param("id", newStyle).update();
        assertThat(references(jdbc, newStyle)).as("the trigger is back").containsExactly("Old release again",
                "Old release again");

        new Migrations(dataSource, EXPAND).rollback(1);
        assertThat(columns(jdbc)).contains("reference").doesNotContain("client_reference");
        assertThat(jdbc.sql("select id, reference from assessments where organization_id = :org")
                .param("org", organization).query((rs, n) -> Map.entry(rs.getObject("id", UUID.class),
                        rs.getString("reference"))).list())
                .as("every write of every release, in the old column").containsExactlyInAnyOrder(
                        Map.entry(before, "Renamed by release 2"), Map.entry(oldStyle, "Renamed by release 0"),
                        Map.entry(newStyle, "Old release again"));
        assertThat(new Migrations(dataSource).status()).contains("is up to date");
    }

    private static UUID insert(JdbcClient jdbc, UUID organization, String column, String value) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into assessments (id, organization_id, workflow_id, workflow_version, workflow_name, status, "
                        + "as_of, created_at, " + column + ") values (:id, :org, :workflow, 1, 'LVD', 'completed', "
                        + "current_date, now(), :value)")
                .param("id", id).param("org", organization).param("workflow", UUID.randomUUID())
                .param("value", value).update();
        return id;
    }

    private static List<String> references(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select reference, client_reference from assessments where id = :id").param("id", id)
                .query((rs, n) -> List.of(rs.getString("reference"), rs.getString("client_reference"))).single();
    }

    private static List<String> columns(JdbcClient jdbc) {
        return jdbc.sql("select column_name from information_schema.columns where table_name = 'assessments'")
                .query(String.class).list();
    }
}

package com.qteria.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.shared.database.Migrations;
import com.qteria.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The invitations changeset migrates, rolls back to the schema before it, and migrates again. On H2 this runs without
 * {@code DATABASE_TO_LOWER}: with it, any second Liquibase run on the same database fails to find its own
 * {@code databasechangelog} table (a problem of the embedded default as a whole, not of this changeset).
 */
class InvitationMigrationTests {

    @Test
    void theInvitationsChangesetRollsBackCleanly() {
        TestDatabase.Database database = TestDatabase.usePostgres()
                ? TestDatabase.newPostgresDatabase()
                : new TestDatabase.Database("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa");
        DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), "");
        Migrations migrations = new Migrations(dataSource);
        migrations.migrate();
        assertThat(tableExists(dataSource, "invitations")).isTrue();

        int position = JdbcClient.create(dataSource)
                .sql("select orderexecuted from databasechangelog where id = 'identity-004-invitations'")
                .query(Integer.class).single();
        migrations.rollback(migrations.appliedCount() - position + 1);
        assertThat(tableExists(dataSource, "invitations")).isFalse();
        assertThat(tableExists(dataSource, "users")).isTrue();

        migrations.migrate();
        assertThat(tableExists(dataSource, "invitations")).isTrue();
    }

    private static boolean tableExists(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                if (table.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

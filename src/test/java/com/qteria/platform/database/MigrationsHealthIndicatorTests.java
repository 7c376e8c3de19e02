package com.qteria.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.support.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Readiness's {@code migrations} component on a database of its own (PostgreSQL under
 * {@code -Dqteria.test.database=postgres}, else H2): DOWN on an empty schema and while a changeset of this release is
 * missing, saying whether a migration holds Liquibase's lock; UP once all are applied, and still UP when the next
 * release's migration takes the lock.
 */
class MigrationsHealthIndicatorTests {

    @Test
    void downUntilThisReleasesChangesetsAreAppliedThenUpEvenWhileTheNextMigrationHoldsTheLock() {
        TestDatabase.Database database = TestDatabase.usePostgres() ? TestDatabase.newPostgresDatabase()
                : TestDatabase.newH2Database();
        DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), "");
        MigrationsHealthIndicator indicator = new MigrationsHealthIndicator(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        Health empty = indicator.health(true);
        assertThat(empty.getStatus()).isEqualTo(Status.DOWN);
        assertThat((Integer) empty.getDetails().get("pending_changesets")).isGreaterThan(10);
        assertThat(empty.getDetails()).containsEntry("migrating", false);

        assertThat(indicator.health(true).getDetails()).as("answered again within "
                + MigrationsHealthIndicator.RECHECK_AFTER + " without asking Liquibase").isEqualTo(empty.getDetails());

        Migrations migrations = new Migrations(dataSource);
        migrations.migrate();
        migrations.rollback(1);
        jdbc.update("update databasechangeloglock set locked = true where id = 1");
        indicator = new MigrationsHealthIndicator(dataSource); // not the answer remembered from the empty schema
        Health migrating = indicator.health(true);
        assertThat(migrating.getStatus()).isEqualTo(Status.DOWN);
        assertThat(migrating.getDetails()).containsEntry("pending_changesets", 1).containsEntry("migrating", true);

        jdbc.update("update databasechangeloglock set locked = false where id = 1");
        migrations.migrate();
        indicator = new MigrationsHealthIndicator(dataSource);
        assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);

        jdbc.update("update databasechangeloglock set locked = true where id = 1");
        assertThat(indicator.health(true).getStatus()).as("the next release's migration").isEqualTo(Status.UP);
    }
}

package com.qteria.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.qteria.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Every changeset has a working rollback: migrate to head, roll everything back, migrate again — with the same
 * {@link Migrations} the {@code db} command uses, on the embedded H2 and on PostgreSQL.
 */
class MigrationRoundTripTests {

    private static final Set<String> LIQUIBASE_TABLES = Set.of("databasechangelog", "databasechangeloglock");
    private static final Pattern PENDING = Pattern.compile("(\\d+) changesets? ha(?:s|ve) not been applied");

    @Test
    void roundTripOnH2() throws SQLException {
        TestDatabase.Database database = TestDatabase.newH2Database();
        DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), "");
        try {
            roundTrip(dataSource);
        } finally {
            execute(dataSource, "shutdown");
        }
    }

    @Test
    void roundTripOnPostgres() throws SQLException {
        requirePostgres();
        DataSource dataSource = postgres();

        roundTrip(dataSource);
    }

    @Test
    void auditEventsAreAppendOnlyOnPostgresUntilRolledBack() throws SQLException {
        requirePostgres();
        DataSource dataSource = postgres();
        Migrations migrations = new Migrations(dataSource);
        migrations.migrate();

        insertAuditEvent(dataSource);
        assertThatThrownBy(() -> execute(dataSource, "update audit_events set actor = 'someone else'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute(dataSource, "delete from audit_events"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute(dataSource, "truncate audit_events"))
                .hasMessageContaining("append-only");
        assertThat(count(dataSource, "select count(*) from audit_events")).isEqualTo(1);
        assertThat(triggerObjects(dataSource)).isEqualTo(2 + 1);

        migrations.rollback(migrations.appliedCount());

        assertThat(triggerObjects(dataSource)).isZero();
        assertThat(applicationTables(dataSource)).isEmpty();

        migrations.migrate();
        insertAuditEvent(dataSource);
        assertThatThrownBy(() -> execute(dataSource, "delete from audit_events"))
                .hasMessageContaining("append-only");
    }

    @Test
    void longFileNamesAreKeptAndCutToTheOldWidthOnRollbackOnH2() throws SQLException {
        TestDatabase.Database database = TestDatabase.newH2Database();
        DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), "");
        try {
            longFileNamesAreKeptAndCutOnRollback(dataSource);
        } finally {
            execute(dataSource, "shutdown");
        }
    }

    @Test
    void longFileNamesAreKeptAndCutToTheOldWidthOnRollbackOnPostgres() throws SQLException {
        requirePostgres();
        longFileNamesAreKeptAndCutOnRollback(postgres());
    }

    private static void longFileNamesAreKeptAndCutOnRollback(DataSource dataSource) throws SQLException {
        Migrations migrations = new Migrations(dataSource);
        migrations.migrate();
        String name = "Prüfbericht_Größe_".repeat(60).substring(0, 996) + ".pdf";
        insertDocument(dataSource, name);
        assertThat(filenames(dataSource)).containsExactly(name);

        while (applied(dataSource, "document-002-long-filenames")) {
            migrations.rollback(1);
        }
        assertThat(filenames(dataSource)).containsExactly(name.substring(0, 255));
        assertThatThrownBy(() -> insertDocument(dataSource, name)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> insertDocument(dataSource, null)).isInstanceOf(SQLException.class);

        migrations.migrate();
        insertDocument(dataSource, name);
        assertThat(filenames(dataSource)).contains(name);
        assertThatThrownBy(() -> insertDocument(dataSource, null)).isInstanceOf(SQLException.class);
    }

    private static void insertDocument(DataSource dataSource, String filename) throws SQLException {
        UUID organization = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement org = connection.prepareStatement(
                     "insert into organizations (id, name, created_at) values (?, 'Org', now())");
             PreparedStatement document = connection.prepareStatement("""
                     insert into documents (id, organization_id, filename, media_type, size_bytes, sha256, status,
                                            storage_key, key_id, wrapped_key, uploaded_at)
                     values (?, ?, ?, 'application/pdf', 1, repeat('0', 64), 'READY', 'key', 'k1', 'wrapped', now())
                     """)) {
            org.setObject(1, organization);
            org.executeUpdate();
            document.setObject(1, UUID.randomUUID());
            document.setObject(2, organization);
            document.setString(3, filename);
            document.executeUpdate();
        }
    }

    private static List<String> filenames(DataSource dataSource) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select filename from documents")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static boolean applied(DataSource dataSource, String changeSet) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from databasechangelog where id = ?")) {
            query.setString(1, changeSet);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1) > 0;
            }
        }
    }

    private static void roundTrip(DataSource dataSource) throws SQLException {
        Migrations migrations = new Migrations(dataSource);
        int head = pending(migrations.status());
        assertThat(head).as("changesets to apply on an empty database").isPositive();

        migrations.migrate();
        Set<String> tables = applicationTables(dataSource);
        assertThat(migrations.appliedCount()).isEqualTo(head);
        assertThat(migrations.status()).contains("is up to date");
        assertThat(tables).contains("organizations", "users", "access_tokens", "spring_session", "audit_events");

        migrations.rollback(migrations.appliedCount());
        assertThat(migrations.appliedCount()).isZero();
        assertThat(applicationTables(dataSource)).as("tables left after rolling back everything").isEmpty();
        assertThat(allTables(dataSource)).containsExactlyInAnyOrderElementsOf(LIQUIBASE_TABLES);

        migrations.migrate();
        assertThat(migrations.appliedCount()).isEqualTo(head);
        assertThat(applicationTables(dataSource)).isEqualTo(tables);
        assertThat(migrations.status()).contains("is up to date");

        // Once more, one changeset at a time, so that a broken rollback names itself.
        for (int applied = head; applied > 0; applied--) {
            migrations.rollback(1);
            assertThat(migrations.appliedCount()).isEqualTo(applied - 1);
        }
        assertThat(applicationTables(dataSource)).isEmpty();
        migrations.migrate();
        assertThat(migrations.appliedCount()).isEqualTo(head);
        assertThat(applicationTables(dataSource)).isEqualTo(tables);
    }

    private static int pending(String status) {
        Matcher matcher = PENDING.matcher(status);
        if (!matcher.find()) {
            fail("No pending changesets reported by status: " + status);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Tables and views in the connection's schema, Liquibase's own excluded. */
    private static Set<String> applicationTables(DataSource dataSource) throws SQLException {
        Set<String> tables = allTables(dataSource);
        tables.removeAll(LIQUIBASE_TABLES);
        return tables;
    }

    private static Set<String> allTables(DataSource dataSource) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%",
                     new String[] {"TABLE", "VIEW"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase());
            }
        }
        return tables;
    }

    private static void insertAuditEvent(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into audit_events (id, chain, seq, at, actor, action, details, prev_hash, hash)
                     values (?, 'platform', ?, now(), 'test', 'test.inserted', '{}', repeat('0', 64), repeat('a', 64))
                     """)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setLong(2, System.nanoTime());
            insert.executeUpdate();
        }
    }

    /** The append-only triggers on audit_events and the function behind them. */
    private static int triggerObjects(DataSource dataSource) throws SQLException {
        return count(dataSource, "select count(*) from pg_trigger where tgname like 'audit_events_%'")
                + count(dataSource, "select count(*) from pg_proc where proname = 'audit_events_refuse_change'");
    }

    private static int count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static DataSource postgres() {
        TestDatabase.Database database = TestDatabase.newPostgresDatabase();
        return new DriverManagerDataSource(database.url(), database.username(), "");
    }

    /**
     * PostgreSQL on 127.0.0.1:5432 runs these tests; without it they are skipped on a developer machine, but fail
     * where PostgreSQL is promised (CI=true, or the suite running on PostgreSQL).
     */
    static void requirePostgres() {
        boolean required = "true".equalsIgnoreCase(System.getenv("CI")) || TestDatabase.usePostgres();
        if (!TestDatabase.postgresReachable()) {
            if (required) {
                fail("PostgreSQL at " + TestDatabase.POSTGRES_ADMIN_URL + " is required here (CI=true or "
                        + "-Dqteria.test.database=postgres) but cannot be reached");
            }
            assumeTrue(false, "PostgreSQL at " + TestDatabase.POSTGRES_ADMIN_URL + " is not reachable");
        }
    }
}

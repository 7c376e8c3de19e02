package com.qteria.platform.database;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * The schema's life cycle with Liquibase: migrate to head, roll back a number of changesets, report status.
 * Used by the {@code db} command and by the migration tests; the running service migrates through Spring Boot.
 */
public final class Migrations {

    public static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    private final DataSource dataSource;
    private final String changelog;

    public Migrations(DataSource dataSource) {
        this(dataSource, CHANGELOG);
    }

    /** The same life cycle for another changelog on the class path (a schema change rehearsed in a test). */
    public Migrations(DataSource dataSource, String changelog) {
        this.dataSource = dataSource;
        this.changelog = changelog;
    }

    public void migrate() {
        execute("update", Map.of());
    }

    public void rollback(int count) {
        execute("rollbackCount", Map.of("count", count));
    }

    /** Liquibase's own status report: how many changesets are pending, and which. */
    public String status() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        execute("status", Map.of("verbose", true), new PrintStream(out, true, StandardCharsets.UTF_8));
        return "Applied changesets: " + appliedCount() + System.lineSeparator() + out.toString(StandardCharsets.UTF_8);
    }

    public int appliedCount() {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            boolean present = false;
            while (tables.next()) {
                present |= "databasechangelog".equalsIgnoreCase(tables.getString("TABLE_NAME"));
            }
            if (!present) {
                return 0;
            }
            try (var statement = connection.createStatement();
                 ResultSet count = statement.executeQuery("select count(*) from databasechangelog")) {
                count.next();
                return count.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the migration history: " + e.getMessage(), e);
        }
    }

    private void execute(String command, Map<String, Object> arguments) {
        execute(command, arguments, null);
    }

    private void execute(String command, Map<String, Object> arguments, PrintStream output) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, Object> scope = new HashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()));
            Scope.child(scope, () -> {
                CommandScope commandScope = new CommandScope(command)
                        .addArgumentValue("database", database)
                        .addArgumentValue("changelogFile", changelog);
                arguments.forEach(commandScope::addArgumentValue);
                if (output != null) {
                    commandScope.setOutput(output);
                }
                commandScope.execute();
            });
        } catch (Exception e) {
            throw new IllegalStateException("Liquibase " + command + " failed: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}

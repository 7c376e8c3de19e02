package com.qteria.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context a database of its own: an in-memory H2 (PostgreSQL mode, as the embedded
 * default) or, with {@code -Dqteria.test.database=postgres} as .ci/run sets it, a fresh PostgreSQL database on
 * 127.0.0.1:5432 that is dropped when the JVM ends. Also points the data directory at a temporary folder, and keeps
 * the connection pool small.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String POSTGRES_ADMIN_URL = System.getProperty("qteria.test.postgres-url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getProperty("qteria.test.postgres-user", "postgres");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Database database = usePostgres() ? newPostgresDatabase(context::close) : newH2Database();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("qteriaTestDatabase", Map.of(
                "spring.datasource.url", database.url(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", "",
                "qteria.data-dir", temporaryDataDir().toString(),
                // Spring keeps every distinct test context (and its pool) alive for reuse: small pools that open
                // connections on demand keep a run of a dozen contexts well inside PostgreSQL's 100 connections.
                "spring.datasource.hikari.maximum-pool-size", "6",
                "spring.datasource.hikari.minimum-idle", "1")));
    }

    public static boolean usePostgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("qteria.test.database", "h2"));
    }

    public record Database(String url, String username) {
    }

    public static Database newH2Database() {
        return new Database("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa");
    }

    /** A new, empty PostgreSQL database; dropped at JVM exit. */
    public static Database newPostgresDatabase() {
        return newPostgresDatabase(() -> { });
    }

    /**
     * A new, empty PostgreSQL database, dropped at JVM exit once {@code beforeDrop} has run: closing the application
     * context that uses it (a close already under way in Spring's own shutdown hook is waited for), so that no job
     * server is still stopping against a database that is gone — which made every PostgreSQL test JVM wait out
     * Hikari's 30 s connection timeout at exit.
     */
    static Database newPostgresDatabase(Runnable beforeDrop) {
        String name = "qteria_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                beforeDrop.run();
                execute("drop database if exists " + name + " with (force)");
            } catch (RuntimeException ignored) {
                // the server may already be gone; nothing to clean then
            }
        }));
        return new Database(POSTGRES_ADMIN_URL.substring(0, POSTGRES_ADMIN_URL.lastIndexOf('/') + 1) + name,
                POSTGRES_USER);
    }

    public static boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, "");
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_ADMIN_URL + " is needed for this test run: "
                    + e.getMessage(), e);
        }
    }

    private static Path temporaryDataDir() {
        try {
            Path dir = Files.createTempDirectory("qteria-test-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

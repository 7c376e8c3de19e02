package com.qteria.platform.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The "migrations" component of readiness: DOWN while changesets this release needs are not applied yet (a separate
 * migration job still runs, or has not run), naming whether Liquibase's lock is held (a migration is under way) and how
 * many are pending. An instance is not ready to serve on a schema older than its code.
 * <p>
 * Decisions: once every changeset of this release is applied the answer stays UP and only that is remembered: the
 * schema does not lose changesets under a running release (a rollback is the previous image first). In particular the
 * lock taken by the NEXT release's migration job does not take the running instances out of service — they work on
 * the expanded schema (docs/deployment.md), and making them all unready at once would drop every request during each
 * migration. Until then the pending changesets are asked of Liquibase itself (the same contexts and database filters as
 * a migration), which reads the changelog: a few hundred milliseconds, only while the instance is not ready yet, and
 * at most once every {@link #RECHECK_AFTER} (the public {@code /health} must not parse the changelog on every call).
 */
@Component("migrations")
class MigrationsHealthIndicator extends AbstractHealthIndicator {

    static final java.time.Duration RECHECK_AFTER = java.time.Duration.ofSeconds(5);

    private final DataSource dataSource;
    private volatile boolean applied;
    private volatile Pending pending;

    /** The last answer while changesets were missing, and when it was asked ({@link System#nanoTime()}). */
    private record Pending(int changesets, boolean migrating, long at) {
    }

    MigrationsHealthIndicator(DataSource dataSource) {
        super("The migration history could not be read");
        this.dataSource = dataSource;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        if (applied) {
            builder.up();
            return;
        }
        Pending last = pending;
        if (last != null && System.nanoTime() - last.at() < RECHECK_AFTER.toNanos()) {
            builder.down().withDetail("pending_changesets", last.changesets())
                    .withDetail("migrating", last.migrating());
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean locked = locked(connection);
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            List<ChangeSet> unrun = new Liquibase(Migrations.CHANGELOG,
                    new ClassLoaderResourceAccessor(MigrationsHealthIndicator.class.getClassLoader()), database)
                    .listUnrunChangeSets(new Contexts(), new LabelExpression());
            if (unrun.isEmpty()) {
                applied = true;
                pending = null;
                builder.up();
            } else {
                pending = new Pending(unrun.size(), locked, System.nanoTime());
                builder.down().withDetail("pending_changesets", unrun.size()).withDetail("migrating", locked);
            }
        }
    }

    /** Liquibase's lock is held: a migration runs now (false when the lock table does not exist yet). */
    static boolean locked(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet lock = statement.executeQuery("select locked from databasechangeloglock where id = 1")) {
            return lock.next() && lock.getBoolean(1);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }
}

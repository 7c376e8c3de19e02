package com.qteria.platform.database;

import javax.sql.DataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code java -jar qteria.jar db migrate | db rollback <n> | db status}: the schema, against the same database the
 * service would use (embedded H2 by default, {@code DATABASE_URL} or {@code spring.datasource.*} otherwise).
 */
public final class DatabaseCommand {

    private static final String USAGE = "Usage: java -jar qteria.jar db migrate | db rollback <n> | db status";

    private DatabaseCommand() {
    }

    public static int run(String[] args) {
        if (args.length < 2 || !isKnown(args)) {
            System.err.println(USAGE);
            return 64;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DatabaseOnly.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                // As arguments, not default properties: application.yml would override those (INFO, JSON logs).
                .run("--spring.liquibase.enabled=false", "--logging.level.root=WARN",
                        "--logging.structured.format.console=")) {
            Migrations migrations = new Migrations(context.getBean(DataSource.class));
            switch (args[1]) {
                case "migrate" -> {
                    migrations.migrate();
                    System.out.println("Database migrated. Applied changesets: " + migrations.appliedCount());
                }
                case "rollback" -> {
                    int count = Integer.parseInt(args[2]);
                    migrations.rollback(count);
                    System.out.println("Rolled back " + count + " changesets. Applied changesets: " + migrations.appliedCount());
                }
                default -> System.out.println(migrations.status());
            }
            return 0;
        } catch (RuntimeException e) {
            System.err.println("db " + args[1] + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static boolean isKnown(String[] args) {
        return switch (args[1]) {
            case "migrate", "status" -> args.length == 2;
            case "rollback" -> args.length == 3 && args[2].matches("\\d{1,6}");
            default -> false;
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    static class DatabaseOnly {
    }
}

package com.qteria.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code java -jar qteria.jar db …}, run in-process against the embedded default: an H2 file database under a
 * temporary data directory, found exactly as the service finds it.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseCommandTests {

    private static final Pattern APPLIED = Pattern.compile("Applied changesets: (\\d+)");

    @TempDir
    Path dataDir;

    private final Map<String, String> savedProperties = new HashMap<>();

    @BeforeEach
    void useTheTemporaryDataDirectory() {
        assumeTrue(System.getenv("DATABASE_URL") == null && System.getenv("SPRING_DATASOURCE_URL") == null,
                "a database is configured in the environment; the db command would use it");
        setProperty("qteria.data-dir", dataDir.toString());
    }

    @AfterEach
    void restoreProperties() {
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void migratesReportsAndRollsBack(CapturedOutput output) {
        assertThat(DatabaseCommand.run(new String[] {"db", "status"})).isZero();
        assertThat(output.getOut()).contains("Applied changesets: 0", "have not been applied");

        assertThat(DatabaseCommand.run(new String[] {"db", "migrate"})).isZero();
        assertThat(output.getOut()).contains("Database migrated.");
        int head = lastAppliedCount(output);
        assertThat(head).isPositive();
        assertThat(dataDir.resolve("db/qteria.mv.db")).as("the embedded database in the data directory").exists();

        assertThat(DatabaseCommand.run(new String[] {"db", "status"})).isZero();
        assertThat(lastAppliedCount(output)).isEqualTo(head);
        assertThat(output.getOut()).contains("is up to date");

        assertThat(DatabaseCommand.run(new String[] {"db", "rollback", "1"})).isZero();
        assertThat(output.getOut()).contains("Rolled back 1 changesets.");
        assertThat(lastAppliedCount(output)).isEqualTo(head - 1);

        assertThat(DatabaseCommand.run(new String[] {"db", "status"})).isZero();
        assertThat(output.getOut()).contains("1 changeset has not been applied");

        assertThat(DatabaseCommand.run(new String[] {"db", "migrate"})).isZero();
        assertThat(lastAppliedCount(output)).isEqualTo(head);
        assertThat(output.getErr()).doesNotContain("failed");
    }

    @Test
    void migratingTwiceChangesNothing(CapturedOutput output) {
        assertThat(DatabaseCommand.run(new String[] {"db", "migrate"})).isZero();
        int head = lastAppliedCount(output);

        assertThat(DatabaseCommand.run(new String[] {"db", "migrate"})).isZero();
        assertThat(lastAppliedCount(output)).isEqualTo(head);
    }

    @Test
    void keepsTheOutputFreeOfStartupLogs(CapturedOutput output) {
        assertThat(DatabaseCommand.run(new String[] {"db", "status"})).isZero();

        assertThat(output.getOut()).doesNotContain("Starting ", "HikariPool", "\"@timestamp\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"db", "db frobnicate", "db rollback", "db rollback x", "db rollback -1",
            "db rollback 1 2", "db migrate now", "db status please"})
    void answersBadUsageWithExitCode64(String command, CapturedOutput output) {
        assertThat(DatabaseCommand.run(command.split(" "))).isEqualTo(64);
        assertThat(output.getErr()).contains("Usage: java -jar qteria.jar db migrate | db rollback <n> | db status");
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void reportsAnUnreachableDatabaseWithExitCode1(CapturedOutput output) {
        setProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/nowhere");
        setProperty("spring.datasource.username", "qteria");
        setProperty("spring.datasource.password", "topsecret");

        assertThat(DatabaseCommand.run(new String[] {"db", "migrate"})).isEqualTo(1);
        assertThat(output.getErr()).contains("db migrate failed:").doesNotContain("topsecret");
    }

    private void setProperty(String name, String value) {
        savedProperties.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }

    private static int lastAppliedCount(CapturedOutput output) {
        Matcher matcher = APPLIED.matcher(output.getOut());
        int count = -1;
        while (matcher.find()) {
            count = Integer.parseInt(matcher.group(1));
        }
        assertThat(count).as("an 'Applied changesets' line in the output").isNotNegative();
        return count;
    }
}

package com.qteria.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qteria.QteriaApplication;
import com.qteria.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

/**
 * A wrong setting stops the start with one plain line on standard error that names the environment variable the
 * operator set, what is allowed and the default — not Spring Boot's report of properties and origins.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidSettingTests {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            QTERIA_MAX_UPLOAD_MB      | abc  | QTERIA_MAX_UPLOAD_MB=abc is not valid: a whole number of megabytes is expected (default 50).
            QTERIA_DB_POOL_SIZE       | -1   | QTERIA_DB_POOL_SIZE=-1 is not valid: a whole number of connections (at least 1) is expected (default 10).
            QTERIA_MAX_PAGES          | 0    | QTERIA_MAX_PAGES=0 is not valid: a whole number of pages (at least 1) is expected (default 2000).
            QTERIA_MAX_PAGE_CHARACTERS | 0   | QTERIA_MAX_PAGE_CHARACTERS=0 is not valid: a whole number of characters (at least 1) is expected (default 200000).
            QTERIA_MAX_UNPACKED_MB    | 1GB  | QTERIA_MAX_UNPACKED_MB=1GB is not valid: a whole number of megabytes (at least 1) is expected (default 100).
            QTERIA_READING_PER_ORGANIZATION | 0 | QTERIA_READING_PER_ORGANIZATION=0 is not valid: a whole number of documents (at least 1) is expected (default 1).
            QTERIA_EXTRACTION_TIMEOUT | soon | QTERIA_EXTRACTION_TIMEOUT=soon is not valid: a positive duration such as 120s, 5m or 1h is expected (default 120s).
            QTERIA_STORAGE            | gcs  | QTERIA_STORAGE=gcs is not valid: local or s3 is expected (default local).
            ENVIRONMENT               | live | ENVIRONMENT=live is not valid: development, staging or production is expected (default development).
            QTERIA_ACCESS_TOKEN_TTL   | 0s   | QTERIA_ACCESS_TOKEN_TTL=0s is not valid: a positive duration such as 30m, 8h or 7d is expected (default 8h).
            """)
    void aWrongEnvironmentVariableStopsTheStartWithOneLineNamingIt(String variable, String value, String line,
            CapturedOutput output) {
        assertThatThrownBy(() -> start(Map.of(variable, value))).isInstanceOf(RuntimeException.class);

        assertThat(output.getErr().lines().filter(printed -> printed.contains(variable))).containsExactly(line);
    }

    @Test
    void aWrongValueSetAnotherWayIsNamedByItsPropertyAndStillPointsToTheVariable(CapturedOutput output) {
        assertThatThrownBy(() -> start(Map.of(), "--qteria.extraction.max-pages=-3"))
                .isInstanceOf(RuntimeException.class);

        assertThat(output.getErr().lines().filter(printed -> printed.contains("max-pages"))).singleElement()
                .asString().startsWith("qteria.extraction.max-pages=-3 (")
                .endsWith(" is not valid: a whole number of pages (at least 1) is expected "
                        + "(environment variable QTERIA_MAX_PAGES, default 2000).");
    }

    @Test
    void theJarStartedWithAWrongVariablePrintsTheLineAndExits() throws IOException, InterruptedException {
        Path out = dataDir.resolve("stdout.txt");
        Path err = dataDir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                QteriaApplication.class.getName(), "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.newH2Database().url(),
                "--jobrunr.background-job-server.enabled=false"))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("QTERIA_DATA_DIR", dataDir.resolve("data").toString());
        builder.environment().put("QTERIA_MAX_PAGES", "none");
        Process process = builder.start();

        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }

        assertThat(finished).as("stopped within 3 minutes").isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readAllLines(err, StandardCharsets.UTF_8)).containsExactly(
                "QTERIA_MAX_PAGES=none is not valid: a whole number of pages (at least 1) is expected (default 2000).");
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).as("the JSON log reports it too")
                .contains("QTERIA_MAX_PAGES=none is not valid");
    }

    /** The application as {@code java -jar} starts it, with these environment variables added to the real ones. */
    private void start(Map<String, String> variables, String... arguments) {
        Map<String, Object> environment = new HashMap<>(System.getenv());
        environment.putAll(variables);
        StandardServletEnvironment standard = new StandardServletEnvironment();
        standard.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environment));
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--qteria.data-dir=" + dataDir,
                "--spring.datasource.url=" + TestDatabase.newH2Database().url(),
                "--jobrunr.background-job-server.enabled=false"));
        args.addAll(List.of(arguments));
        new SpringApplicationBuilder(QteriaApplication.class).environment(standard).run(args.toArray(String[]::new))
                .close();
    }
}

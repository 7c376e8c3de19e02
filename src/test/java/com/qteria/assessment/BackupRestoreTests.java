package com.qteria.assessment;

import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.QteriaApplication;
import com.qteria.document.UploadedDocuments;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import com.qteria.support.TestDatabase;
import com.qteria.workflow.WorkflowManagement;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.FileSystemUtils;

/**
 * Acceptance 4 of issue 15: {@code bin/backup} of an instance with data (two organizations, each with a completed
 * assessment, a review, documents and audit entries), {@code bin/restore} into a new PostgreSQL database and an empty
 * data dir, a second instance started on them with the same keys (kept apart from the backup, as docs/backup.md
 * says): the same assessments with the same results, byte-identical document downloads, and each organization's
 * audit chain valid with the same number of entries, through the API with the same tokens. Then: a second restore
 * into the now non-empty database is refused, and a backup with one flipped bit is rejected before anything is done.
 * <p>
 * Runs where the suite runs on PostgreSQL ({@code -Dqteria.test.database=postgres}, as .ci/run does); skipped on H2.
 * Needs pg_dump and pg_restore: skipped without them, failed without them when {@code CI=true}.
 */
@QteriaTest
class BackupRestoreTests {

    private static final Duration SCRIPT = Duration.ofMinutes(2);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    Environment environment;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aRestoredBackupServesTheSameAssessmentsDocumentsAndAuditChain(@TempDir Path temp) throws Exception {
        assumeThat(TestDatabase.usePostgres()).as("runs on PostgreSQL (-Dqteria.test.database=postgres)").isTrue();
        boolean tools = onPath("pg_dump") && onPath("pg_restore") && onPath("psql");
        if (!tools) {
            assertThat(System.getenv("CI")).as("CI has pg_dump, pg_restore and psql").isNotEqualTo("true");
        }
        assumeThat(tools).as("pg_dump, pg_restore and psql (apt-get install postgresql-client)").isTrue();

        List<ResultReviewApiTests.Completed> assessments = List.of(completedWithReview(), completedWithReview());
        Map<ResultReviewApiTests.Completed, String> admins = new LinkedHashMap<>();
        assessments.forEach(c -> admins.put(c, c.setup().tenant().adminToken()));
        Map<String, String> before = observe(port, admins);
        Map<String, String> audit = settledAuditChains(admins);

        String source = environment.getRequiredProperty("spring.datasource.url");
        Path dataDir = Path.of(environment.getRequiredProperty("qteria.data-dir"));
        Path backups = Files.createDirectories(temp.resolve("backups"));
        succeed(Map.of("DATABASE_URL", libpq(source), "QTERIA_DATA_DIR", dataDir.toString()), "bin/backup",
                backups.toString());
        Path backup;
        try (var folders = Files.list(backups)) {
            backup = folders.findFirst().orElseThrow();
        }
        assertThat(Files.readString(backup.resolve("manifest.json"))).contains("\"keys_included\": false")
                .contains("\"database\": \"postgresql\"");

        String restoreDatabase = "restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String target = source.substring(0, source.lastIndexOf('/') + 1) + restoreDatabase;
        Path restoredDataDir = Files.createDirectories(temp.resolve("restored"));
        admin("create database " + restoreDatabase);
        try {
            succeed(Map.of(), "bin/restore", "--database-url", libpq(target), "--data-dir", restoredDataDir.toString(),
                    backup.toString());
            // The keys are backed up apart from the data (docs/backup.md "Keys"); here they are copied over.
            FileSystemUtils.copyRecursively(dataDir.resolve("keys"), restoredDataDir.resolve("keys"));
            try (ConfigurableApplicationContext restored = new SpringApplicationBuilder(QteriaApplication.class)
                    .run("--server.port=0", "--spring.datasource.url=" + target,
                            "--spring.datasource.username=" + TestDatabase.POSTGRES_USER,
                            "--spring.datasource.password=", "--qteria.data-dir=" + restoredDataDir,
                            "--jobrunr.background-job-server.enabled=false",
                            "--spring.datasource.hikari.maximum-pool-size=3")) {
                int restoredPort = ((WebServerApplicationContext) restored).getWebServer().getPort();
                assertThat(verifications(restoredPort, admins)).as("audit chains, verified first").isEqualTo(audit);
                assertThat(observe(restoredPort, admins)).isEqualTo(before);
            }

            assertThat(run(Map.of("DATABASE_URL", libpq(target), "QTERIA_DATA_DIR", restoredDataDir.toString()),
                    "bin/restore", backup.toString())).as("a second restore into a database that is no longer empty")
                    .startsWith("3:").contains("restore into an empty one, or --force");
            Path damaged = temp.resolve("damaged");
            FileSystemUtils.copyRecursively(backup, damaged);
            byte[] dump = Files.readAllBytes(damaged.resolve("database.dump"));
            dump[dump.length / 2] ^= 1;
            Files.write(damaged.resolve("database.dump"), dump);
            assertThat(run(Map.of("DATABASE_URL", libpq(target), "QTERIA_DATA_DIR", restoredDataDir.toString()),
                    "bin/restore", "--force", damaged.toString())).as("a damaged backup").startsWith("1:")
                    .contains("the backup is damaged");
        } finally {
            admin("drop database if exists " + restoreDatabase + " with (force)");
        }
    }

    private ResultReviewApiTests.Completed completedWithReview() throws Exception {
        ResultReviewApiTests.Completed completed = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        mvc.perform(json(put(completed.results("safety") + "/review"), completed.token(),
                "{\"verdict\": \"pass\", \"comment\": \"Page 1 has the safety instructions.\"}"))
                .andExpect(status().isOk());
        return completed;
    }

    /**
     * What each organization sees through the API, with tokens issued before the backup: results and the SHA-256 of
     * each download.
     */
    private Map<String, String> observe(int on, Map<ResultReviewApiTests.Completed, String> admins) throws Exception {
        Map<String, String> seen = new LinkedHashMap<>();
        for (ResultReviewApiTests.Completed c : admins.keySet()) {
            String token = c.token();
            seen.put(c.id() + " results", text(get(on, "/api/v1/assessments/" + c.id() + "/results", token)));
            for (String document : List.of(c.setup().report(), c.setup().manual())) {
                seen.put(document + " sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(get(on, "/api/v1/documents/" + document + "/content", token))));
            }
        }
        return seen;
    }

    /**
     * Each organization's audit verification once its chain stops growing (downloads and reviews are audited after
     * the request has answered): valid, with as many entries as the chain has.
     */
    private Map<String, String> settledAuditChains(Map<ResultReviewApiTests.Completed, String> admins)
            throws Exception {
        Map<String, String> previous = Map.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            Map<String, String> now = verifications(port, admins);
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
            Thread.sleep(200);
        }
        throw new AssertionError("the audit chains kept growing: " + previous);
    }

    private Map<String, String> verifications(int on, Map<ResultReviewApiTests.Completed, String> admins)
            throws Exception {
        Map<String, String> verifications = new LinkedHashMap<>();
        for (Map.Entry<ResultReviewApiTests.Completed, String> admin : admins.entrySet()) {
            String verification = text(get(on, "/api/v1/audit-events/verify", admin.getValue()));
            assertThat(verification).contains("\"valid\":true").doesNotContain("\"checked\":0,");
            verifications.put(admin.getKey().setup().tenant().id().toString(), verification);
        }
        return verifications;
    }

    private byte[] get(int on, String path, String token) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s on port %d: %s", path, on, text(response.body())).isEqualTo(200);
        return response.body();
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** jdbc:postgresql://host:port/db as the scripts take it, with the test server's user. */
    private static String libpq(String jdbcUrl) {
        return jdbcUrl.replaceFirst("^jdbc:postgresql://", "postgresql://" + TestDatabase.POSTGRES_USER + "@");
    }

    /** Runs a script that must succeed. */
    private static void succeed(Map<String, String> variables, String... command) throws Exception {
        assertThat(run(variables, command)).as(command[0]).startsWith("0:");
    }

    /** The script's exit code, a colon and its output. */
    private static String run(Map<String, String> variables, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("QTERIA_") || name.equals("DATABASE_URL"));
        builder.environment().putAll(variables);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(SCRIPT.toSeconds(), TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        return process.exitValue() + ":" + output;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.POSTGRES_ADMIN_URL,
                TestDatabase.POSTGRES_USER, "");
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

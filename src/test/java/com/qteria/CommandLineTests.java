package com.qteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar qteria.jar} as an operator meets it: the application's main in a process of its own (the test
 * classpath instead of the jar, which is only built after the tests), its exit code and what it prints.
 */
class CommandLineTests {

    private static final Pattern READY = Pattern.compile("Qteria is ready at http://localhost:(\\d+)");

    @TempDir
    Path dataDir;

    @Test
    void helpPrintsTheUsageAndExitsWithoutServing() throws Exception {
        for (String flag : List.of("--help", "-h")) {
            Run run = run(javaCommand(List.of(flag)), Map.of("PORT", "0"), Duration.ofSeconds(60));

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("Usage: java -jar qteria.jar", "--role=web|worker|both", "assess",
                    "extract", "db migrate", "keys rotate", "QTERIA_LOG_FORMAT");
            assertThat(run.output()).doesNotContain("Starting QteriaApplication", "Tomcat", "Qteria is ready");
            assertThat(Files.exists(dataDir.resolve("db"))).as("a database was opened").isFalse();
        }
    }

    /** A command without a web server still starts the application it needs (it once lacked the session store). */
    @Test
    void keysRotateRunsWithoutAWebServer() throws Exception {
        Run run = run(javaCommand(List.of("keys", "rotate")), Map.of(), Duration.ofMinutes(3));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Data keys re-wrapped under master key");
        assertNoStackTrace(run.output());
    }

    @Test
    void aPortInUseEndsWithOnePlainLineAndAnErrorExitCode() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            Run run = run(javaCommand(List.of()), Map.of("PORT", Integer.toString(port)), Duration.ofMinutes(3));

            assertThat(run.exitCode()).as(run.output()).isNotZero();
            assertThat(run.output()).as("JSON lines: the output is not a terminal")
                    .contains("{\"@timestamp\"")
                    .contains("\nPort " + port + " is already in use. Stop the other process or set PORT.\n");
            assertNoStackTrace(run.output());
        }
    }

    /** On a terminal (util-linux script gives the process one) the log is plain text. */
    @Test
    void servingPrintsOneReadyLineWithThePortActuallyServed() throws Exception {
        boolean terminal = Files.isExecutable(Path.of("/usr/bin/script"));
        List<String> command = terminal ? inTerminal(javaCommand(List.of())) : javaCommand(List.of());
        Process process = start(command, Map.of("PORT", "0"));
        try {
            List<String> lines = new ArrayList<>();
            CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> readyPort(process, lines));
            int port = ready.get(3, TimeUnit.MINUTES);

            assertThat(port).isPositive();
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(lines).filteredOn(line -> line.contains("Qteria is ready")).hasSize(1);
            if (terminal) {
                assertThat(lines).anyMatch(line -> line.contains("Starting QteriaApplication"))
                        .noneMatch(line -> line.startsWith("{\"@timestamp\""));
            }
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int readyPort(Process process, List<String> lines) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                Matcher matcher = READY.matcher(line);
                if (matcher.find()) {
                    return Integer.parseInt(matcher.group(1));
                }
            }
            throw new AssertionError("No ready line in:\n" + String.join("\n", lines));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoStackTrace(String output) {
        assertThat(output).doesNotContain("\tat ", "stack_trace", "APPLICATION FAILED TO START");
    }

    private record Run(int exitCode, String output) {
    }

    private Run run(List<String> command, Map<String, String> environment, Duration timeout) throws Exception {
        Process process = start(command, environment);
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Still running after " + timeout + ":\n" + output.getNow(""));
        }
        return new Run(process.exitValue(), output.get(30, TimeUnit.SECONDS).replace("\r\n", "\n"));
    }

    private Process start(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().remove("QTERIA_LOG_FORMAT");
        builder.environment().remove("DATABASE_URL");
        builder.environment().put("QTERIA_DATA_DIR", dataDir.toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static List<String> javaCommand(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), QteriaApplication.class.getName()));
        command.addAll(arguments);
        return command;
    }

    /** Runs the command with a pseudo terminal as its console (util-linux script), the exit code passed on. */
    private static List<String> inTerminal(List<String> command) {
        String quoted = String.join(" ", command.stream().map(word -> "'" + word.replace("'", "'\\''") + "'")
                .toList());
        return List.of("/usr/bin/script", "-qefc", quoted, "/dev/null");
    }
}

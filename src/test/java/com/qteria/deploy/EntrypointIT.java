package com.qteria.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.util.FileSystemUtils;

/**
 * What the container image would do, where no image can be built (no registry reachable for a base image): the
 * packaged jar, unpacked into Spring Boot's layers as the Dockerfile unpacks it, started through the image's own
 * entrypoint with the Dockerfile's {@code ENV} (read from it, so they cannot drift), as its non-root {@code USER}, in
 * a mount namespace where every file system is read-only but the data dir. It serves (health, readiness through the
 * image's {@code HEALTHCHECK} script, {@code /api/version} with the environment), logs JSON lines tagged with the
 * environment, writes nothing but the data dir, and stops cleanly on SIGTERM (graceful shutdown, exit 0 or 143).
 * <p>
 * An integration test (failsafe, after {@code package}), as it needs the jar. It needs root (to switch user and
 * mount read-only, as CI runs); elsewhere it is skipped, and with {@code CI=true} it fails.
 */
class EntrypointIT {

    private static final Path JAR = Path.of("target", "qteria.jar");
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration STOP = Duration.ofSeconds(30);

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ALWAYS)
    Path root;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theImagesEntrypointServesAsANonRootUserOnAReadOnlyFileSystemAndStopsCleanly() throws Exception {
        boolean asRoot = "0".equals(run("id", "-u").strip());
        if (!asRoot) {
            assertThat(System.getenv("CI")).as("CI runs this test as root").isNotEqualTo("true");
        }
        assumeThat(asRoot).as("switching user and mounting read-only need root").isTrue();
        assertThat(JAR).as("the packaged jar (./mvnw package)").exists();

        Dockerfile image = Dockerfile.read();
        Path app = unpackAsTheImageDoes(image);
        Path data = Files.createDirectories(root.resolve("data"));
        run("chown", image.user(), data.toString());
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port = freePort();

        Map<String, String> environment = new java.util.HashMap<>();
        image.environment().forEach((name, value) -> environment.put(name, inRoot(value, app, data)));
        environment.put("PORT", String.valueOf(port));
        environment.put("ENVIRONMENT", "staging");
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("JAVA_HOME", System.getProperty("java.home"));

        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private",
                "sh", "-c", SANDBOX, "sandbox", data.toString(), String.valueOf(image.uid()), app.toString()));
        image.entrypoint().forEach(part -> command.add(inRoot(part, app, data)));
        command.add("--role=both");
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(root.resolve("output.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Instant started = Instant.now();
        Process process = builder.start();
        try {
            awaitReady(process, port);
            Duration startUp = Duration.between(started, Instant.now());

            assertThat(get(port, "/health").body()).isEqualTo("{\"status\":\"UP\"}");
            Map<String, Object> version = JsonParserFactory.getJsonParser().parseMap(get(port, "/api/version").body());
            assertThat(version).containsEntry("environment", "staging")
                    .containsEntry("version", System.getProperty("project.version"));
            assertThat(healthCheck(image, app, data, environment)).as("the image's HEALTHCHECK").isZero();
            assertThat(run("sh", "-c", "grep '^Uid:' /proc/" + process.pid() + "/status"))
                    .as("the JVM runs as the image's user").contains("\t" + image.uid() + "\t");

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)).as("stopped within %s", STOP).isTrue();
            String output = Files.readString(root.resolve("output.log"));
            assertThat(process.exitValue()).as(output).isIn(0, 143);
            assertThat(output).contains("Commencing graceful shutdown").contains("Graceful shutdown complete");
            List<Map<String, Object>> lines = output.lines().filter(line -> line.startsWith("{"))
                    .map(JsonParserFactory.getJsonParser()::parseMap).toList();
            assertThat(lines).as("JSON log lines").isNotEmpty()
                    .allSatisfy(line -> assertThat(line).containsEntry("environment", "staging"));
            assertThat(output).doesNotContain("Read-only file system", "AccessDeniedException");
            assertThat(startUp).as("start-up").isLessThan(START);
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(ownedBy(image.uid(), data, Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm"), app))
                .as("nothing written outside the data dir").isEmpty();
        try (Stream<Path> files = Files.walk(data)) {
            assertThat(files.filter(file -> !file.equals(data)).toList())
                    .as("the data dir holds the database and the JVM's temporary files")
                    .contains(data.resolve("db"), data.resolve("tmp/jvm"));
        }
    }

    /**
     * In a private mount namespace: the data dir bound on itself (writable), every other file system remounted
     * read-only, then the entrypoint as the image's user with no supplementary groups.
     */
    private static final String SANDBOX = """
            set -eu
            data=$1 uid=$2 workdir=$3
            shift 3
            mount --bind "$data" "$data"
            awk '{print $5}' /proc/self/mountinfo | while read -r point; do
                case "$point" in /proc|/proc/*|/sys|/sys/*|/dev|/dev/pts|"$data") continue ;; esac
                mount -o remount,bind,ro "$point"
            done
            cd "$workdir"
            exec setpriv --reuid="$uid" --regid="$uid" --clear-groups "$@"
            """;

    /** The jar's layers extracted and copied over each other in the Dockerfile's order, plus its scripts. */
    private Path unpackAsTheImageDoes(Dockerfile image) throws Exception {
        Path extracted = root.resolve("extracted");
        run(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djarmode=tools", "-jar",
                JAR.toString(), "extract", "--layers", "--destination", extracted.toString());
        Path app = Files.createDirectories(root.resolve("app"));
        assertThat(image.layers()).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies",
                "application");
        for (String layer : image.layers()) {
            if (Files.isDirectory(extracted.resolve(layer))) {
                FileSystemUtils.copyRecursively(extracted.resolve(layer), app);
            }
        }
        FileSystemUtils.deleteRecursively(extracted);
        Files.createDirectories(app.resolve("bin"));
        Files.copy(Path.of("bin", "qteria"), app.resolve("bin/qteria"), StandardCopyOption.COPY_ATTRIBUTES);
        for (String script : List.of("entrypoint.sh", "healthcheck.sh")) {
            Files.copy(Path.of("deploy", "docker", script), app.resolve(script), StandardCopyOption.COPY_ATTRIBUTES);
        }
        assertThat(app.resolve("qteria.jar")).exists();
        run("chmod", "-R", "go-w,a+rX", app.toString());
        return app;
    }

    private static String inRoot(String value, Path app, Path data) {
        return value.replaceAll("^/app(?=/|$)", app.toString()).replaceAll("^/data(?=/|$)", data.toString());
    }

    private int healthCheck(Dockerfile image, Path app, Path data, Map<String, String> environment)
            throws Exception {
        ProcessBuilder check = new ProcessBuilder(image.healthCheck().stream().map(part -> inRoot(part, app, data))
                .toList()).redirectErrorStream(true);
        check.environment().putAll(environment);
        Process process = check.start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    private void awaitReady(Process process, int port) throws Exception {
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as(() -> "exited early: " + output()).isTrue();
            try {
                if (get(port, "/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready within " + START + ": " + output());
    }

    private String output() {
        try {
            return Files.readString(root.resolve("output.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Files of the user under the given places, the data dir left out (find's own complaints too). */
    private static List<String> ownedBy(int uid, Path data, Path... places) throws Exception {
        List<String> command = new ArrayList<>(List.of("find"));
        Stream.of(places).filter(Files::isDirectory).forEach(place -> command.add(place.toString()));
        command.addAll(List.of("-xdev", "(", "-path", data.toString(), "-prune", ")", "-o", "-uid",
                String.valueOf(uid), "-print"));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output.lines().filter(line -> !line.isBlank()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }
}

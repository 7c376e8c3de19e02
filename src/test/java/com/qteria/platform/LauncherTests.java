package com.qteria.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/qteria}, the launcher, with a stand-in {@code java} that prints the arguments it was given: the heap
 * default follows the container's memory limit, {@code JAVA_OPTS} come last (so they win), and a current AOT cache is
 * used with the unpacked jar.
 */
class LauncherTests {

    private static final Path LAUNCHER = Path.of("bin", "qteria").toAbsolutePath();

    @TempDir
    Path dir;
    Path jar;

    @BeforeEach
    void standInJava() throws IOException {
        Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = Files.writeString(dir.resolve("qteria.jar"), "not really a jar");
    }

    @Test
    void withoutAMemoryLimitTheHeapIsOneGigabyteAndJavaOptsComeLast() throws Exception {
        String args = launch(Map.of("QTERIA_CGROUP_MEMORY_MAX", dir.resolve("none").toString(),
                "JAVA_OPTS", "-Xmx2g"), "assess", "--help");

        assertThat(args).isEqualTo("-Xmx1g -XX:+UseG1GC -XX:G1PeriodicGCInterval=60000 -Xmx2g -jar " + jar
                + " assess --help");
    }

    @Test
    void inAContainerTheHeapIsThreeQuartersOfItsLimit() throws Exception {
        Path limit = Files.writeString(dir.resolve("memory.max"), "2147483648\n");

        assertThat(launch(Map.of("QTERIA_CGROUP_MEMORY_MAX", limit.toString())))
                .startsWith("-XX:MaxRAMPercentage=75 -XX:+UseG1GC").endsWith("-jar " + jar);
        Files.writeString(limit, "max\n");
        assertThat(launch(Map.of("QTERIA_CGROUP_MEMORY_MAX", limit.toString()))).startsWith("-Xmx1g ");
    }

    @Test
    void aCurrentAotCacheIsUsedWithTheUnpackedJarAndAStaleOneIsNot() throws Exception {
        Path aot = Files.createDirectories(dir.resolve("aot"));
        Path cache = Files.writeString(aot.resolve("qteria.aot"), "cache");
        Map<String, String> environment = Map.of("QTERIA_AOT_DIR", aot.toString(),
                "QTERIA_CGROUP_MEMORY_MAX", dir.resolve("none").toString());

        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(launch(environment)).contains("-XX:AOTCache=" + cache).endsWith("-jar " + aot.resolve("qteria.jar"));

        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().minusSeconds(3600)));
        assertThat(launch(environment)).as("the jar was rebuilt after the cache").doesNotContain("AOTCache")
                .endsWith("-jar " + jar);
    }

    @Test
    void aClassPathInsteadOfTheJarForTheJibImage() throws Exception {
        String args = launch(Map.of("QTERIA_CGROUP_MEMORY_MAX", dir.resolve("none").toString(),
                "QTERIA_CLASSPATH", "/app/resources:/app/classes:/app/libs/*"), "--role=web");

        assertThat(args).isEqualTo("-Xmx1g -XX:+UseG1GC -XX:G1PeriodicGCInterval=60000 -cp "
                + "/app/resources:/app/classes:/app/libs/* com.qteria.QteriaApplication --role=web");
    }

    private String launch(Map<String, String> environment, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new java.util.ArrayList<>(List.of(LAUNCHER.toString())));
        builder.command().addAll(List.of(args));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        builder.environment().put("QTERIA_JAR", jar.toString());
        builder.environment().put("QTERIA_AOT_DIR", dir.resolve("no-aot").toString());
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}

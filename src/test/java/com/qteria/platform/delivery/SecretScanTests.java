package com.qteria.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secret scan (.ci/secret-scan: secretlint pinned in .ci/secretlint, installed by .ci/run, which also scans the
 * repository before the tests) catches keys planted in copies of repository files and passes the clean copies; the
 * git hook of bin/install-git-hooks refuses a commit whose staged content holds a key. The keys are made up here, at
 * random, so this file holds none. Without the scanner (Node.js 22, npm ci) the tests are skipped, except in CI.
 */
class SecretScanTests {

    static final Path SCAN = Path.of(".ci/secret-scan").toAbsolutePath();
    static final List<String> COPIED = List.of("README.md", "pom.xml", "src/main/resources/application.yml",
            ".ci/run");
    static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    @BeforeAll
    static void requireScanner() throws Exception {
        Run version = run(Path.of("."), Map.of(), SCAN.toString(), "--version");
        String reason = "secretlint not installed: npm ci --prefix .ci/secretlint (Node.js 22 or newer); " + version;
        if ("true".equals(System.getenv("CI"))) {
            assertThat(version.exitCode()).as(reason).isZero();
        }
        assumeTrue(version.exitCode() == 0, reason);
    }

    @Test
    void aKeyPlantedInACopyOfRepositoryFilesIsCaughtAndNamedWithItsFile() throws Exception {
        List<Path> files = copyOfRepositoryFiles();
        String awsSecret = randomOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+", 40);
        String githubToken = "ghp_" + randomOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 36);
        append(dir.resolve("src/main/resources/application.yml"), "aws_secret_access_key: " + awsSecret);
        append(dir.resolve("README.md"), privateKeyPem());
        append(dir.resolve(".ci/run"), "export GITHUB_TOKEN=" + githubToken);

        Run scan = scan(files);

        assertThat(scan.exitCode()).as(scan.output()).isEqualTo(1);
        assertThat(scan.output()).contains(dir.resolve("src/main/resources/application.yml") + "\n",
                dir.resolve("README.md") + "\n", dir.resolve(".ci/run") + "\n");
        assertThat(scan.output()).contains("[AWSSecretAccessKey]", "[PrivateKey]", "[GITHUB_TOKEN]")
                .doesNotContain(dir.resolve("pom.xml").toString());
        assertThat(scan.output()).as("the findings are masked").doesNotContain(awsSecret, githubToken);
    }

    @Test
    void theCleanCopyPasses() throws Exception {
        Run scan = scan(copyOfRepositoryFiles());

        assertThat(scan.output()).doesNotContain("error");
        assertThat(scan.exitCode()).as(scan.output()).isZero();
    }

    @Test
    void theGitHookRefusesACommitWhoseStagedContentHoldsAKeyAndLetsACleanOneThrough() throws Exception {
        Path repo = gitRepositoryWithTheHook();
        Path notes = Files.writeString(repo.resolve("notes.md"), "# Notes\nNothing secret here.\n");
        assertThat(git(repo, "add", "notes.md").exitCode()).isZero();
        Run clean = git(repo, "commit", "-m", "Clean notes");
        assertThat(clean.exitCode()).as(clean.output()).isZero();

        Path config = Files.createDirectories(repo.resolve("config")).resolve("application.yml");
        Files.writeString(config, "aws_secret_access_key: "
                + randomOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+", 40) + "\n");
        git(repo, "add", "config/application.yml");
        Run planted = git(repo, "commit", "-m", "A key");
        assertThat(planted.exitCode()).as(planted.output()).isNotZero();
        assertThat(planted.output()).contains("config/application.yml", "[AWSSecretAccessKey]")
                .doesNotContain(System.getProperty("java.io.tmpdir") + "/tmp");

        Files.writeString(config, "aws: {}\n");
        Run onlyInTheWorkingTree = git(repo, "commit", "-m", "The key is still staged");
        assertThat(onlyInTheWorkingTree.exitCode()).as("the staged content is scanned, not the working tree")
                .isNotZero();

        git(repo, "add", "config/application.yml");
        Files.writeString(notes, "# Notes\nStill nothing secret.\n");
        Run fixed = git(repo, "commit", "-am", "Configuration without a key");
        assertThat(fixed.exitCode()).as(fixed.output()).isZero();
        assertThat(git(repo, "rev-list", "--count", "HEAD").output().strip()).isEqualTo("2");
    }

    @Test
    void theHookInstallerLeavesAForeignHookAlone() throws Exception {
        Path repo = gitRepositoryWithTheHook();
        Path hook = repo.resolve(".git/hooks/pre-commit");
        Files.writeString(hook, "#!/bin/sh\nexit 0\n");

        Run again = run(repo, Map.of(), repo.resolve("bin/install-git-hooks").toString());

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.output()).contains("--force");
        assertThat(Files.readString(hook)).isEqualTo("#!/bin/sh\nexit 0\n");
        assertThat(run(repo, Map.of(), repo.resolve("bin/install-git-hooks").toString(), "--force").exitCode())
                .isZero();
        assertThat(Files.readString(hook)).contains(".ci/secret-scan\" --staged");
    }

    private List<Path> copyOfRepositoryFiles() throws IOException {
        List<Path> copies = new ArrayList<>();
        for (String file : COPIED) {
            Path copy = dir.resolve(file);
            Files.createDirectories(copy.getParent());
            copies.add(Files.copy(Path.of(file), copy, StandardCopyOption.REPLACE_EXISTING));
        }
        return copies;
    }

    /** A new git repository holding the scanner (its installed packages linked) and the installed hook. */
    private Path gitRepositoryWithTheHook() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        assertThat(git(repo, "init", "-q").exitCode()).isZero();
        for (String file : List.of(".ci/secret-scan", "bin/install-git-hooks", ".secretlintrc.json",
                ".secretlintignore")) {
            Files.createDirectories(repo.resolve(file).getParent());
            Files.copy(Path.of(file), repo.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        for (String installed : List.of(".ci/secretlint", ".ci/node")) {
            if (Files.exists(Path.of(installed))) {
                Files.createSymbolicLink(repo.resolve(installed), Path.of(installed).toAbsolutePath());
            }
        }
        Run install = run(repo, Map.of(), repo.resolve("bin/install-git-hooks").toString());
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(install.output()).contains("pre-commit hook installed").doesNotContain("not ready");
        return repo;
    }

    private Run scan(List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of(SCAN.toString()));
        files.forEach(file -> command.add(file.toString()));
        return run(dir, Map.of(), command.toArray(String[]::new));
    }

    private static Run git(Path repo, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        // Neither the user's nor the machine's git configuration (a hooksPath, a signing key) may change the outcome.
        return run(repo, Map.of("GIT_CONFIG_GLOBAL", "/dev/null", "GIT_CONFIG_NOSYSTEM", "1",
                "GIT_AUTHOR_NAME", "Test", "GIT_AUTHOR_EMAIL", "test@example.com",
                "GIT_COMMITTER_NAME", "Test", "GIT_COMMITTER_EMAIL", "test@example.com"),
                command.toArray(String[]::new));
    }

    static Run run(Path dir, Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(String.join(" ", command) + " finished").isTrue();
        return new Run(process.exitValue(), output);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, "\n" + text + "\n", StandardOpenOption.APPEND);
    }

    private static String randomOf(String alphabet, int length) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return value.toString();
    }

    /** A real RSA private key (the scanner checks the key's structure, not only its frame), PEM-encoded. */
    private static String privateKeyPem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----";
    }

    record Run(int exitCode, String output) {
    }
}

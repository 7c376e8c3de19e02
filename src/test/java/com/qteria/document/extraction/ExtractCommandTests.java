package com.qteria.document.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code java -jar qteria.jar extract}: JSON lines per page, exit codes 0 / 1 / 2. */
class ExtractCommandTests {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsOneJsonLinePerPage() throws IOException {
        Path file = GeneratedPdfs.write(directory, "two.pdf", GeneratedPdfs.pdf(
                page -> page.text(72, 100, 12, "Erste Seite: Prüfbericht \"A\""),
                page -> page.text(72, 100, 12, "Second page")));

        int exit = run("extract", file.toString());

        assertThat(exit).isZero();
        List<String> lines = stdout().lines().toList();
        assertThat(lines).hasSize(2);
        JsonMapper json = JsonMapper.builder().build();
        assertThat(lines.get(0)).isEqualTo(
                "{\"number\":1,\"text\":\"Erste Seite: Prüfbericht \\\"A\\\"\",\"ocr\":false,\"needs_ocr\":false}");
        assertThat(json.readValue(lines.get(1), Map.class).get("text")).isEqualTo("Second page");
    }

    @Test
    void aRejectedFileExitsWithOneAndTheReason() throws IOException {
        Path file = GeneratedPdfs.write(directory, "locked.pdf", GeneratedPdfs.pdf(document -> {
            try {
                document.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, 0, page -> page.text(72, 100, 12, "Secret")));

        int exit = run("extract", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stdout()).isEmpty();
        assertThat(stderr().strip()).isEqualTo(
                "Unable to read locked.pdf. It is password-protected. Upload an unprotected copy.");
    }

    @Test
    void anEmptyFileIsCalledEmpty() throws IOException {
        Path file = java.nio.file.Files.write(directory.resolve("X.pdf"), new byte[0]);

        int exit = run("extract", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stderr().strip()).isEqualTo(
                "Unable to read X.pdf. The file is empty. Choose the complete file and upload it again.");
    }

    @Test
    void appliesTheLimitsGivenOnTheCommandLine() throws IOException {
        Path file = GeneratedPdfs.write(directory, "three.pdf", GeneratedPdfs.numberedPages(3));

        int exit = run("extract", file.toString(), "--max-pages", "2", "--timeout-seconds", "30");

        assertThat(exit).isEqualTo(1);
        assertThat(stderr().strip()).isEqualTo("Unable to read three.pdf. The document has 3 pages and Qteria "
                + "reads at most 2. Split it into smaller files and upload those.");
    }

    @Test
    void repeatExtractsInOneProcessAndPrintsOneTimingLinePerPass() throws IOException {
        Path file = GeneratedPdfs.write(directory, "three.pdf", GeneratedPdfs.numberedPages(3));

        int exit = run("extract", file.toString(), "--repeat", "2");

        assertThat(exit).isZero();
        assertThat(stdout().lines().toList()).satisfiesExactly(
                line -> assertThat(line).matches("pass 1: 3 pages, 18 chars, \\d+\\.\\d{3} s, \\d+ pages/s"),
                line -> assertThat(line).matches("pass 2: 3 pages, 18 chars, \\d+\\.\\d{3} s, \\d+ pages/s"));
        assertThat(run("extract", file.toString(), "--repeat", "0")).isEqualTo(2);
    }

    @Test
    void usageErrorsExitWithTwo() throws IOException {
        Path file = GeneratedPdfs.write(directory, "one.pdf", GeneratedPdfs.numberedPages(1));

        assertThat(run("extract")).isEqualTo(2);
        assertThat(run("extract", file.toString(), "--max-pages")).isEqualTo(2);
        assertThat(run("extract", file.toString(), "--max-pages", "none")).isEqualTo(2);
        assertThat(run("extract", file.toString(), "--unknown", "1")).isEqualTo(2);
        assertThat(run("extract", directory.resolve("missing.pdf").toString())).isEqualTo(2);
        assertThat(stderr()).contains(ExtractCommand.USAGE);
    }

    private int run(String... args) {
        return ExtractCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

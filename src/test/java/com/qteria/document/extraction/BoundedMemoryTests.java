package com.qteria.document.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.QteriaApplication;
import com.qteria.document.extraction.bench.BenchmarkPdf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 500-page text PDF extracts in a JVM with a 256 MB heap: pages are streamed, positions never held for more
 * than one page, PDFBox buffers streams in temp files. A Word zip bomb is refused in that heap too, before POI parses
 * it. Runs {@code qteria extract} in a child JVM.
 */
class BoundedMemoryTests {

    @TempDir
    Path directory;

    @Test
    void extracts500PagesWithA256MegabyteHeap() throws IOException, InterruptedException {
        Path pdf = directory.resolve("500-pages.pdf");
        BenchmarkPdf.write(pdf, 500);

        Extraction run = extractWith256Megabytes(pdf);

        assertThat(run.exitValue()).as(run.errors()).isZero();
        List<String> lines = Files.readAllLines(run.out(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(500);
        assertThat(lines.get(499)).startsWith("{\"number\":500,\"text\":\"500. Test report section 500\\n\\n");
    }

    @Test
    void aWordZipBombIsRefusedWithA256MegabyteHeap() throws IOException, InterruptedException {
        Path docx = GeneratedDocx.bomb(directory.resolve("bomb.docx"), 300L * 1024 * 1024);

        Extraction run = extractWith256Megabytes(docx);

        assertThat(run.exitValue()).as(run.errors()).isEqualTo(1);
        assertThat(run.errors()).isEqualTo("Unable to read bomb.docx. The document expands to more than 100 MB when "
                + "unpacked, more than Qteria reads. Split it into smaller files and upload those.\n");
        assertThat(run.out()).isEmptyFile();
    }

    private Extraction extractWith256Megabytes(Path file) throws IOException, InterruptedException {
        Path out = directory.resolve("pages.jsonl");
        Path err = directory.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), QteriaApplication.class.getName(),
                "extract", file.toString()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();

        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }

        assertThat(finished).as("finished within 5 minutes").isTrue();
        return new Extraction(process.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Extraction(int exitValue, Path out, String errors) {
    }
}

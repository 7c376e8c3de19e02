package com.qteria.document.extraction.ocr;

import com.qteria.document.extraction.Deadline;
import com.qteria.document.extraction.ExtractionTimedOut;
import com.qteria.document.extraction.PageText;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Tesseract OCR for pages without a text layer, in German and English (whichever of the two are installed).
 * <p>
 * Found as {@code -Dqteria.ocr.tesseract=/path}, else {@code QTERIA_TESSERACT}, else {@code tesseract} on the
 * {@code PATH}. Each page runs as its own process (one OpenMP thread, so that several workers share the cores
 * fairly), is killed at the extraction deadline, and works in a temporary directory that is always deleted.
 */
public final class Ocr {

    private static final Ocr UNAVAILABLE = new Ocr(() -> null);
    /**
     * German first: with {@code eng+deu} Tesseract reads "Prüfbericht" as "Prufbericht"; with {@code deu+eng} it
     * keeps the umlauts and still reads English text as well.
     */
    private static final List<String> LANGUAGES = List.of("deu", "eng");
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    /** What was found: executable and languages; probed once, on first use. */
    private record Tesseract(String executable, String languages) {
    }

    private final Supplier<Tesseract> probe;
    private volatile Optional<Tesseract> tesseract;

    private Ocr(Supplier<Tesseract> probe) {
        this.probe = probe;
    }

    /**
     * Tesseract with its German and English data, if installed; otherwise {@link #available()} is false. The probe
     * ({@code tesseract --list-langs}) runs on first use, so a document without scanned pages never waits for it.
     */
    public static Ocr detect() {
        return new Ocr(() -> executable().map(Ocr::probe).orElse(null));
    }

    public static Ocr unavailable() {
        return UNAVAILABLE;
    }

    public boolean available() {
        return tesseract().isPresent();
    }

    @Override
    public String toString() {
        return tesseract().map(found -> "Tesseract " + found.executable() + " (" + found.languages() + ")")
                .orElse("OCR unavailable");
    }

    private Optional<Tesseract> tesseract() {
        Optional<Tesseract> found = tesseract;
        if (found == null) {
            synchronized (this) {
                if (tesseract == null) {
                    tesseract = Optional.ofNullable(probe.get());
                }
                found = tesseract;
            }
        }
        return found;
    }

    /** Recognises the text of a rendered page; boxes are fractions of the image. */
    public PageText recognise(BufferedImage image, float dpi, Deadline deadline) throws IOException {
        Tesseract found = tesseract().orElseThrow(() -> new IllegalStateException("OCR is not available"));
        Path directory = Files.createTempDirectory("qteria-ocr-");
        try {
            Path input = directory.resolve("page.pgm");
            writeGray(image, input);
            Path output = directory.resolve("page");
            run(List.of(found.executable(), input.toString(), output.toString(), "-l", found.languages(), "--dpi",
                    String.valueOf(Math.round(dpi)), "tsv"), directory.resolve("log.txt"), deadline);
            return TesseractTsv.read(directory.resolve("page.tsv"), image.getWidth(), image.getHeight());
        } finally {
            deleteRecursively(directory);
        }
    }

    private static void run(List<String> command, Path log, Deadline deadline) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        try {
            if (!process.waitFor(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new ExtractionTimedOut();
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for tesseract");
        }
        if (process.exitValue() != 0) {
            throw new IOException("tesseract exited with " + process.exitValue());
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Uncompressed 8-bit PGM: Tesseract reads it directly, and writing it costs nothing next to PNG. */
    private static void writeGray(BufferedImage image, Path target) throws IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            out.write(("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            byte[] row = new byte[width];
            boolean gray = image.getType() == BufferedImage.TYPE_BYTE_GRAY;
            Raster raster = image.getRaster();
            int[] rgb = gray ? null : new int[width];
            for (int y = 0; y < height; y++) {
                if (gray) {
                    raster.getDataElements(0, y, width, 1, row);
                } else {
                    image.getRGB(0, y, width, 1, rgb, 0, width);
                    for (int x = 0; x < width; x++) {
                        int p = rgb[x];
                        row[x] = (byte) ((((p >> 16) & 0xFF) * 299 + ((p >> 8) & 0xFF) * 587 + (p & 0xFF) * 114) / 1000);
                    }
                }
                out.write(row);
            }
        }
    }

    private static Optional<String> executable() {
        String configured = System.getProperty("qteria.ocr.tesseract");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("QTERIA_TESSERACT");
        }
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured.strip());
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(java.io.File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, "tesseract"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }

    private static Tesseract probe(String executable) {
        try {
            Process process = new ProcessBuilder(executable, "--list-langs").redirectErrorStream(true).start();
            List<String> installed = new ArrayList<>();
            try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
                reader.lines().map(line -> line.strip().toLowerCase(Locale.ROOT)).forEach(installed::add);
            }
            if (!process.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return null;
            }
            List<String> usable = LANGUAGES.stream().filter(installed::contains).toList();
            return usable.isEmpty() ? null : new Tesseract(executable, String.join("+", usable));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            directory.toFile().deleteOnExit();
        }
    }
}

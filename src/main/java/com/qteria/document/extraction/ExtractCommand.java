package com.qteria.document.extraction;

import com.qteria.document.DocumentType;
import com.qteria.document.extraction.ExtractionOutcome.Extracted;
import com.qteria.document.extraction.ExtractionOutcome.Rejected;
import com.qteria.document.extraction.ocr.Ocr;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code java -jar qteria.jar extract file.pdf [--max-pages n] [--timeout-seconds s]}: prints the text of every
 * page as one JSON line {@code {"number":1,"text":"…","ocr":false,"needs_ocr":false}}, as the evaluators see it.
 * Exit 0 when read (warnings and signatures go to stderr), 1 when the file is rejected (the reason on stderr),
 * 2 for usage errors. Starts no Spring context, so it is quick to run.
 * <p>
 * Lines are written with Jackson 3's streaming generator rather than {@code JsonMapper}: same escaping, but
 * building a mapper loads some 1,200 classes, about a second of the command's start-up on this hardware.
 * <p>
 * Hidden option for {@code bench/extraction/run.sh}: {@code --repeat n} extracts the file n times in this JVM,
 * discards the text and prints one timing line per pass instead, so warm throughput is measured with the built jar
 * alone.
 */
public final class ExtractCommand {

    static final String USAGE = "Usage: java -jar qteria.jar extract <file.pdf|file.docx> [--max-pages n] "
            + "[--timeout-seconds s]";

    private ExtractCommand() {
    }

    public static int run(String[] args) {
        QuietLogging.apply(); // the process is ours alone: tests call the method below and keep their logging
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Optional<Invocation> invocation = Invocation.parse(args);
        if (invocation.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        try {
            return extract(invocation.get(), out, err);
        } catch (IOException e) {
            err.println("Cannot read " + invocation.get().file() + ": " + e.getMessage());
            return 1;
        }
    }

    private static int extract(Invocation invocation, PrintStream out, PrintStream err) throws IOException {
        Path file = invocation.file();
        if (!Files.isRegularFile(file)) {
            err.println("No such file: " + file);
            return 2;
        }
        Optional<DocumentType> type = DocumentType.detect(file);
        if (type.isEmpty()) {
            err.println("Unable to read " + file.getFileName() + ". " + DocumentType.unrecognised(file));
            return 1;
        }
        DocumentExtractor extractor = new DocumentExtractor(invocation.limits(), Ocr.detect());
        if (invocation.repeat() > 0) {
            return repeat(extractor, file, type.get(), invocation.repeat(), out, err);
        }
        JsonFactory json = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        ExtractionOutcome outcome = extractor.extract(file, type.get(), page -> {
            try (JsonGenerator line = json.createGenerator(writer)) {
                line.writeStartObject();
                line.writeNumberProperty("number", page.number());
                line.writeStringProperty("text", page.text());
                line.writeBooleanProperty("ocr", page.ocr());
                line.writeBooleanProperty("needs_ocr", page.needsOcr());
                line.writeEndObject();
            }
            writer.write('\n');
        });
        writer.flush();
        return report(outcome, invocation.file(), err);
    }

    /** {@code --repeat n}: n passes, each timed; stops at the first pass that does not extract. */
    private static int repeat(DocumentExtractor extractor, Path file, DocumentType type, int passes,
            PrintStream out, PrintStream err) throws IOException {
        for (int pass = 1; pass <= passes; pass++) {
            long[] pagesAndChars = new long[2];
            long start = System.nanoTime();
            ExtractionOutcome outcome = extractor.extract(file, type, page -> {
                pagesAndChars[0]++;
                pagesAndChars[1] += page.text().length();
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            if (outcome instanceof Rejected) {
                return report(outcome, file, err);
            }
            out.printf(Locale.ROOT, "pass %d: %d pages, %d chars, %.3f s, %.0f pages/s%n", pass, pagesAndChars[0],
                    pagesAndChars[1], seconds, pagesAndChars[0] / seconds);
        }
        return 0;
    }

    private static int report(ExtractionOutcome outcome, Path file, PrintStream err) {
        return switch (outcome) {
            case Extracted extracted -> {
                extracted.warnings().forEach(warning -> err.println("warning: " + warning));
                extracted.signatures().forEach(signature -> err.println("signature: " + signature));
                yield 0;
            }
            case Rejected rejected -> {
                err.println("Unable to read " + file.getFileName() + ". " + rejected.reason());
                yield 1;
            }
        };
    }

    /** The parsed command line. */
    record Invocation(Path file, ExtractionLimits limits, int repeat) {

        static Optional<Invocation> parse(String[] args) {
            if (args.length < 2 || !"extract".equals(args[0]) || args[1].startsWith("--")) {
                return Optional.empty();
            }
            int maxPages = ExtractionLimits.DEFAULT_MAX_PAGES;
            Duration timeout = ExtractionLimits.DEFAULT_TIMEOUT;
            int repeat = 0;
            try {
                for (int i = 2; i < args.length; i += 2) {
                    if (i + 1 >= args.length) {
                        return Optional.empty();
                    }
                    switch (args[i]) {
                        case "--max-pages" -> maxPages = Integer.parseInt(args[i + 1]);
                        case "--timeout-seconds" -> timeout = Duration.ofSeconds(Long.parseLong(args[i + 1]));
                        case "--repeat" -> repeat = positive(Integer.parseInt(args[i + 1]));
                        default -> {
                            return Optional.empty();
                        }
                    }
                }
                return Optional.of(new Invocation(Path.of(args[1]), new ExtractionLimits(maxPages, timeout), repeat));
            } catch (IllegalArgumentException e) { // NumberFormatException, and limits out of range
                return Optional.empty();
            }
        }

        private static int positive(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("not positive: " + value);
            }
            return value;
        }
    }
}

package com.qteria.document.extraction.bench;

import com.qteria.document.DocumentType;
import com.qteria.document.extraction.DocumentExtractor;
import com.qteria.document.extraction.ExtractionLimits;
import com.qteria.document.extraction.ExtractionOutcome;
import com.qteria.document.extraction.ocr.Ocr;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Warm extraction throughput inside one JVM: extracts the file {@code runs} times (the first {@code warmup} runs
 * are not counted) and prints pages per second (median and best of the counted runs). {@code --stock} measures
 * PDFBox's own {@code PDFTextStripper.getText} on the same file instead, for comparison.
 * <p>
 * {@code java -cp … com.qteria.document.extraction.bench.WarmThroughput file.pdf [runs] [warmup] [--stock]}
 */
public final class WarmThroughput {

    private WarmThroughput() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        boolean stock = Arrays.asList(args).contains("--stock");
        double[] rates = new double[runs - warmup];
        long chars = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            long[] result = stock ? stock(file) : ours(file);
            double seconds = (System.nanoTime() - start) / 1e9;
            chars = result[1];
            if (run >= warmup) {
                rates[run - warmup] = result[0] / seconds;
            }
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "%s: median %.0f pages/s, best %.0f pages/s (%d counted runs, %,d chars)%n",
                stock ? "PDFTextStripper" : "qteria", rates[rates.length / 2], rates[rates.length - 1],
                rates.length, chars);
    }

    private static long[] ours(Path file) throws IOException {
        AtomicLong pages = new AtomicLong();
        AtomicLong chars = new AtomicLong();
        ExtractionOutcome outcome = new DocumentExtractor(ExtractionLimits.defaults(), Ocr.unavailable())
                .extract(file, DocumentType.PDF, page -> {
                    pages.incrementAndGet();
                    chars.addAndGet(page.text().length());
                });
        if (!(outcome instanceof ExtractionOutcome.Extracted)) {
            throw new IllegalStateException("not extracted: " + outcome);
        }
        return new long[] {pages.get(), chars.get()};
    }

    private static long[] stock(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            String text = new PDFTextStripper().getText(document);
            return new long[] {document.getNumberOfPages(), text.length()};
        }
    }
}

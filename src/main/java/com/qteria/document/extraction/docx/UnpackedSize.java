package com.qteria.document.extraction.docx;

import com.qteria.document.extraction.Deadline;
import com.qteria.document.extraction.DocumentExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Whether a Word file unpacks to at most a number of bytes, checked before POI parses any of it: a DOCX of 1.5 GB of
 * XML compressed 48:1 passes POI's own zip-bomb guard (at most 100:1 per part) and drove the heap to 6.6 GB while POI
 * built its DOM. Every part is inflated and its bytes counted (the sizes a zip declares can lie), in a fixed buffer,
 * stopping as soon as the count passes the limit. Read through POI's {@link ZipSecureFile}, so the parts counted are
 * the ones POI would read, and POI's guards (inflate ratio, number of parts) apply as well.
 */
final class UnpackedSize {

    private static final long KB = 1024;
    private static final long MB = KB * KB;

    private UnpackedSize() {
    }

    /** @throws IOException when the file is no zip POI can read */
    static boolean atMost(Path file, long limit, Deadline deadline) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                try (InputStream part = zip.getInputStream(entry)) {
                    for (int read = part.read(buffer); read != -1; read = part.read(buffer)) {
                        total += read;
                        if (total > limit) {
                            return false;
                        }
                        deadline.check();
                    }
                }
            }
        }
        return true;
    }

    /** "The document expands to more than 100 MB when unpacked, more than Qteria reads. Split it …" */
    static String reason(long limit) {
        return "The document expands to more than " + size(limit) + " when unpacked, more than Qteria reads."
                + DocumentExtractor.SPLIT;
    }

    private static String size(long bytes) {
        if (bytes % MB == 0) {
            return String.format(Locale.ROOT, "%,d MB", bytes / MB);
        }
        if (bytes % KB == 0) {
            return String.format(Locale.ROOT, "%,d KB", bytes / KB);
        }
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}

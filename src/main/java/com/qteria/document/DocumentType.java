package com.qteria.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * The kinds of files Qteria reads, recognised by their content, never by their name.
 * A PDF starts with {@code %PDF-} within its first kilobyte (some producers put junk before it, which
 * readers tolerate); a DOCX is a ZIP package holding {@code word/document.xml}.
 */
public enum DocumentType {
    PDF("application/pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final int PDF_HEADER_WINDOW = 1024;

    private final String mediaType;

    DocumentType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<DocumentType> ofMediaType(String mediaType) {
        for (DocumentType type : values()) {
            if (type.mediaType.equals(mediaType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * Why a file that {@link #detect} does not recognise cannot be read, in whole sentences that follow
     * "Unable to read NAME.": what is wrong and what to do.
     */
    public static String unrecognised(Path file) throws IOException {
        if (Files.size(file) == 0) {
            return "The file is empty. Choose the complete file and upload it again.";
        }
        return "It is neither a PDF nor a Word (DOCX) document. Save it as a PDF or DOCX file and upload that.";
    }

    /** Looks at the file's bytes; empty when it is neither a PDF nor a Word document. */
    public static Optional<DocumentType> detect(Path file) throws IOException {
        byte[] head = new byte[PDF_HEADER_WINDOW];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (indexOf(head, read, PDF_MAGIC) >= 0) {
            return Optional.of(PDF);
        }
        if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4 && isWordPackage(file)) {
            return Optional.of(DOCX);
        }
        return Optional.empty();
    }

    private static boolean isWordPackage(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("[Content_Types].xml") != null && zip.getEntry("word/document.xml") != null;
        } catch (IOException e) { // includes ZipException: not a readable ZIP, so not a Word document
            return false;
        }
    }

    private static int indexOf(byte[] data, int length, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

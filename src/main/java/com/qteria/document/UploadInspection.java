package com.qteria.document;

import com.qteria.document.job.DocumentMetrics;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.FieldError;
import com.qteria.shared.ProblemCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Looks at an upload before anything is stored: its type by content (415 otherwise), its size (413 over the
 * limit), its SHA-256, and a display name made safe (no path, no control characters). The name is kept whole for
 * display up to {@value #MAX_NAME_LENGTH} characters and refused beyond (422); it never names a file on disk.
 * <p>
 * The limit is the servlet's multipart limit ({@code QTERIA_MAX_UPLOAD_MB}), read from Spring Boot's own settings
 * record; enabled here too, so that it exists also where no web server runs ({@code keys rotate}).
 */
@Component
@EnableConfigurationProperties(MultipartProperties.class)
class UploadInspection {

    static final String DEFAULT_NAME = "document";
    /** UTF-16 characters (not bytes) of a file name at most, as both H2 and PostgreSQL count documents.filename. */
    static final int MAX_NAME_LENGTH = 1000;

    private final DataSize maxUpload;
    private final DocumentMetrics metrics;

    UploadInspection(MultipartProperties multipart, DocumentMetrics metrics) {
        this.maxUpload = multipart.getMaxFileSize();
        this.metrics = metrics;
    }

    record Inspected(Path path, String filename, DocumentType type, long sizeBytes, String sha256) {
    }

    Inspected inspect(Upload upload) {
        String filename = displayName(upload.clientFilename());
        try {
            long size = Files.size(upload.file());
            if (size > maxUpload.toBytes()) {
                throw new ApiProblem(ProblemCode.PAYLOAD_TOO_LARGE, filename + " is larger than the limit of "
                        + maxUpload.toMegabytes() + " MB. Split it into smaller files and upload those.");
            }
            Optional<DocumentType> type = DocumentType.detect(upload.file());
            if (type.isEmpty()) {
                metrics.unsupported();
                // An empty file is answered like any other file that is no PDF or DOCX (415), saying it is empty.
                throw new ApiProblem(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Unable to read " + filename + ". "
                        + DocumentType.unrecognised(upload.file()));
            }
            return new Inspected(upload.file(), filename, type.get(), size, sha256(upload.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String displayName(String clientFilename) {
        if (clientFilename == null) {
            return DEFAULT_NAME;
        }
        String name = clientFilename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\u202A-\\u202E\\u2066-\\u2069]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return DEFAULT_NAME;
        }
        int length = name.length();
        if (length > MAX_NAME_LENGTH) {
            String limit = String.format(Locale.ROOT, "%,d characters", MAX_NAME_LENGTH);
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, String.format(Locale.ROOT, "The file name is too long: "
                    + "it has %,d characters and Qteria accepts up to %s. Rename the file and upload it again.",
                    length, limit), List.of(new FieldError("file", "The file name is longer than " + limit + ".")),
                    null);
        }
        return name;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

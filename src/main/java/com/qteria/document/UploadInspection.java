package com.qteria.document;

import com.qteria.shared.ApiProblem;
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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Looks at an upload before anything is stored: its type by content (415 otherwise), its size (413 over the
 * limit), its SHA-256, and a display name made safe (no path, no control characters, at most 255 characters).
 * <p>
 * The limit is the servlet's multipart limit ({@code QTERIA_MAX_UPLOAD_MB}), read from Spring Boot's own settings
 * record; enabled here too, so that it exists also where no web server runs ({@code keys rotate}).
 */
@Component
@EnableConfigurationProperties(MultipartProperties.class)
class UploadInspection {

    static final String DEFAULT_NAME = "document";

    private final DataSize maxUpload;

    UploadInspection(MultipartProperties multipart) {
        this.maxUpload = multipart.getMaxFileSize();
    }

    record Inspected(Path path, String filename, DocumentType type, long sizeBytes, String sha256) {
    }

    Inspected inspect(Upload upload) {
        String filename = displayName(upload.clientFilename());
        try {
            long size = Files.size(upload.file());
            if (size > maxUpload.toBytes()) {
                throw new ApiProblem(ProblemCode.PAYLOAD_TOO_LARGE, "'" + filename + "' is larger than the limit of "
                        + maxUpload.toMegabytes() + " MB.");
            }
            DocumentType type = DocumentType.detect(upload.file()).orElseThrow(() -> new ApiProblem(
                    ProblemCode.UNSUPPORTED_MEDIA_TYPE, "'" + filename + "' is neither a PDF nor a Word (DOCX) "
                            + "document. Qteria reads PDF and DOCX files, recognised by their content.",
                    List.of(), null));
            return new Inspected(upload.file(), filename, type, size, sha256(upload.file()));
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
        return name.length() <= 255 ? name : shorten(name);
    }

    private static String shorten(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
        return name.substring(0, 255 - extension.length()) + extension;
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

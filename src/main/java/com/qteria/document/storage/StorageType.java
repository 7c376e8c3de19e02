package com.qteria.document.storage;

import java.util.Locale;

/** {@code qteria.storage.type} ({@code QTERIA_STORAGE}): where the encrypted documents live. */
enum StorageType {
    /** Files under {@code <data-dir>/documents}; the embedded default. */
    LOCAL,
    /** A bucket of any S3-compatible store; what several instances share. */
    S3;

    static StorageType parse(String value) {
        String normalized = value == null || value.isBlank() ? "local" : value.strip().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "local" -> LOCAL;
            case "s3" -> S3;
            default -> throw new IllegalArgumentException("qteria.storage.type (QTERIA_STORAGE) must be 'local' or 's3'");
        };
    }
}

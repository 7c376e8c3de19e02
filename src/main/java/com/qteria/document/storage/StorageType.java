package com.qteria.document.storage;

/** {@code qteria.storage.type} ({@code QTERIA_STORAGE}): where the encrypted documents live. */
enum StorageType {
    /** Files under {@code <data-dir>/documents}; the embedded default. */
    LOCAL,
    /** A bucket of any S3-compatible store; what several instances share. */
    S3
}

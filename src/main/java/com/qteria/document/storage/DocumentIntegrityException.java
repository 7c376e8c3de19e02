package com.qteria.document.storage;

import java.io.IOException;

/**
 * A stored object did not decrypt: a byte was flipped, the object was truncated, or it is another document's
 * content put under this key. Thrown by {@link EncryptedStorage#open} or while reading the stream it returned; never
 * a partial document passed off as whole (what was read before the failure must be discarded).
 */
public class DocumentIntegrityException extends IOException {

    private static final long serialVersionUID = 1L;

    public static final String MESSAGE =
            "The stored document failed its integrity check: it was altered or damaged in storage.";

    public DocumentIntegrityException() {
        super(MESSAGE);
    }

    public DocumentIntegrityException(Throwable cause) {
        super(MESSAGE, cause);
    }
}

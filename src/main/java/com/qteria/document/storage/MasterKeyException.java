package com.qteria.document.storage;

import java.util.List;

/**
 * A data key cannot be unwrapped: its master key is not configured (any more), or the key configured under that id
 * is not the one it was wrapped with. A configuration problem, not damage to the document, hence unchecked and
 * separate from {@link DocumentIntegrityException}. Messages name key ids, never key material.
 */
public class MasterKeyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String keyId;

    private MasterKeyException(String keyId, String message, Throwable cause) {
        super(message, cause);
        this.keyId = keyId;
    }

    static MasterKeyException notConfigured(String keyId, List<String> configured) {
        return new MasterKeyException(keyId, "The document's data key is wrapped under master key '" + keyId
                + "', which is not configured. Configured master keys: " + String.join(", ", configured)
                + ". Add '" + keyId + ":<its base64 key>' to qteria.storage.master-keys (QTERIA_MASTER_KEYS) again.",
                null);
    }

    static MasterKeyException doesNotMatch(String keyId, Throwable cause) {
        return new MasterKeyException(keyId, "Master key '" + keyId + "' does not unwrap the document's data key: "
                + "the key configured under that id is not the one it was wrapped with, or the wrapped key was altered.",
                cause);
    }

    /** The id of the master key that was needed. */
    public String keyId() {
        return keyId;
    }
}

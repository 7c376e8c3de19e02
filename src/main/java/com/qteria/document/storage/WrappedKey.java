package com.qteria.document.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * A document's data key, encrypted under the master key {@code keyId}: a 12-byte nonce followed by the AES-256-GCM
 * ciphertext and tag (60 bytes in all). Safe to keep in the database beside the document; useless without the master
 * key. Compared by content; the bytes are copied in and out, so nobody changes them from outside.
 */
public record WrappedKey(String keyId, byte[] wrapped) {

    public WrappedKey {
        Objects.requireNonNull(keyId, "keyId");
        wrapped = Objects.requireNonNull(wrapped, "wrapped").clone();
    }

    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrappedKey that && keyId.equals(that.keyId) && Arrays.equals(wrapped, that.wrapped);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(wrapped);
    }

    @Override
    public String toString() {
        return "WrappedKey[keyId=" + keyId + ", " + wrapped.length + " bytes]";
    }
}

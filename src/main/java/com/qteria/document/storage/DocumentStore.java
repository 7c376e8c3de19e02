package com.qteria.document.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Port: where encrypted objects live. Adapters store bytes as they are given; encryption happens before
 * ({@link EncryptedStorage}), so an adapter never sees plain text. Both adapters stream: no object is held
 * whole in memory.
 * <p>
 * Keys are one or more {@code /}-separated segments of letters, digits, {@code .}, {@code _} and {@code -},
 * no segment starting with a dot. That rules out {@code ..}, absolute paths, backslashes and hidden files on
 * every store, and leaves the names starting with a dot to the adapters' own temporary files.
 */
@org.springframework.modulith.NamedInterface("storage")
public interface DocumentStore {

    /** Stores the file's bytes under the key, replacing what was there. The file itself is left in place. */
    void put(String key, Path file) throws IOException;

    /** The stored bytes, streamed; the caller closes the stream. A missing key is a {@link java.nio.file.NoSuchFileException}. */
    InputStream get(String key) throws IOException;

    /** Removes the object; nothing happens when there is none. */
    void delete(String key) throws IOException;

    boolean exists(String key) throws IOException;

    /** Where the objects live, for logs and health ("local /path", "s3 bucket@endpoint"); never secrets. */
    String describe();

    /** The key, if it is one that every store accepts; otherwise an {@link IllegalArgumentException}. */
    static String requireValidKey(String key) {
        // Compiled per call: a few microseconds beside a storage round trip, and an interface has no private fields.
        if (key == null || key.length() > 512
                || !key.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*")) {
            throw new IllegalArgumentException("Storage key rejected: use '/'-separated segments of letters, digits, "
                    + "'.', '_' and '-', none starting with '.', at most 512 characters");
        }
        return key;
    }
}

package com.qteria.document.storage;

import java.util.Objects;

/**
 * What the caller keeps (in the database) to read a stored document again: the random object key and the wrapped
 * data key. Neither is secret on its own.
 */
public record StoredObject(String key, WrappedKey dataKey) {

    public StoredObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dataKey, "dataKey");
    }
}

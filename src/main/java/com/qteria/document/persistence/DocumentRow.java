package com.qteria.document.persistence;

import com.qteria.document.DocumentStatus;
import com.qteria.document.storage.StoredObject;
import com.qteria.document.storage.WrappedKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** A row of {@code documents}: the public facts plus where and how its bytes are stored. */
public record DocumentRow(UUID id, UUID organizationId, String filename, String mediaType, long sizeBytes,
        String sha256, Integer pages, DocumentStatus status, String error, List<String> warnings,
        String storageKey, String keyId, String wrappedKey, UUID uploadedBy, Instant uploadedAt, int ocrPages) {

    public StoredObject storedObject() {
        return new StoredObject(storageKey, new WrappedKey(keyId, Base64.getDecoder().decode(wrappedKey)));
    }
}

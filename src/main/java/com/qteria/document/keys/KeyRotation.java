package com.qteria.document.keys;

import com.qteria.document.Document;
import com.qteria.document.persistence.Documents;
import com.qteria.document.storage.EncryptedStorage;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Re-wraps every document's data key under the newest master key. Only the small wrapped keys change; the stored
 * objects are not touched. Safe to run again (rows already under the newest key are skipped) and while serving.
 */
@Component
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    private static final int BATCH = 200;
    private static final UUID FIRST = new UUID(0, 0);

    private final Documents documents;
    private final EncryptedStorage storage;

    KeyRotation(Documents documents, EncryptedStorage storage) {
        this.documents = documents;
        this.storage = storage;
    }

    public record Outcome(String keyId, int rewrapped, int failed) {
    }

    public Outcome rotate() {
        String active = storage.activeKeyId();
        int rewrapped = 0;
        int failed = 0;
        UUID after = FIRST;
        List<Document> batch;
        do {
            batch = documents.wrappedByOtherThan(active, after, BATCH);
            for (Document document : batch) {
                after = document.id().value();
                String previousKeyId = document.stored().dataKey().keyId();
                try {
                    document.rewrap(storage.rewrap(document.stored()).dataKey());
                    documents.rewrap(document, previousKeyId);
                    rewrapped++;
                } catch (RuntimeException e) {
                    failed++;
                    log.error("Could not re-wrap the data key of document {} (wrapped by key '{}'): {}",
                            document.id(), previousKeyId, e.getMessage());
                }
            }
        } while (batch.size() == BATCH);
        return new Outcome(active, rewrapped, failed);
    }
}

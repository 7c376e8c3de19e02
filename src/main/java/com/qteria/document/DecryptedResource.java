package com.qteria.document;

import com.qteria.document.storage.EncryptedStorage;
import com.qteria.document.storage.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.AbstractResource;

/**
 * A stored document as a Spring resource: every {@link #getInputStream()} opens a new decrypting stream, so
 * Spring MVC can answer Range requests (it skips to the range's start) without the file ever being in memory.
 */
final class DecryptedResource extends AbstractResource {

    private final EncryptedStorage storage;
    private final StoredObject object;
    private final String filename;
    private final long size;

    DecryptedResource(EncryptedStorage storage, StoredObject object, String filename, long size) {
        this.storage = storage;
        this.object = object;
        this.filename = filename;
        this.size = size;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return storage.open(object);
    }

    @Override
    public long contentLength() {
        return size;
    }

    @Override
    public String getFilename() {
        return filename;
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public String getDescription() {
        return "document " + object.key();
    }
}

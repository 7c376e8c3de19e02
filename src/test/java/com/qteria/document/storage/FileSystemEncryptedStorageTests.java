package com.qteria.document.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Encrypted storage in the embedded default: files under {@code <data-dir>/documents}, read back as raw files. */
class FileSystemEncryptedStorageTests extends EncryptedStorageContractTests {

    @Override
    DocumentStore newStore() {
        return new FileSystemDocumentStore(dataDir.resolve("documents"));
    }

    @Override
    List<byte[]> rawObjects() throws IOException {
        List<byte[]> raw = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dataDir.resolve("documents"))) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                raw.add(Files.readAllBytes(file));
            }
        }
        return raw;
    }

    @Test
    void aFailingStoreIsNotMistakenForDamage() throws IOException {
        StoredObject stored = storage.store(write("report.pdf", report(200_000)));
        EncryptedStorage overFailingStore = new EncryptedStorage(new FailingAfter(100_000, store),
                MasterKeys.of(KEY_A), dataDir);

        assertThatThrownBy(() -> {
            try (InputStream in = overFailingStore.open(stored)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }).isInstanceOf(IOException.class).isNotInstanceOf(DocumentIntegrityException.class)
                .hasMessage("connection reset");
    }

    /** A store whose downloads break off, as a network connection may. */
    private record FailingAfter(int bytes, DocumentStore store) implements DocumentStore {

        @Override
        public void put(String key, Path file) throws IOException {
            store.put(key, file);
        }

        @Override
        public InputStream get(String key) throws IOException {
            return new FilterInputStream(store.get(key)) {
                private int read;

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    if (read >= bytes) {
                        throw new IOException("connection reset");
                    }
                    int n = super.read(buffer, offset, Math.min(length, bytes - read));
                    read += Math.max(n, 0);
                    return n;
                }
            };
        }

        @Override
        public void delete(String key) throws IOException {
            store.delete(key);
        }

        @Override
        public boolean exists(String key) throws IOException {
            return store.exists(key);
        }

        @Override
        public String describe() {
            return "failing " + store.describe();
        }
    }
}

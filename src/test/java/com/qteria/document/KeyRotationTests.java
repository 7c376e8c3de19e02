package com.qteria.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.document.keys.KeyRotation;
import com.qteria.document.persistence.Documents;
import com.qteria.document.storage.DocumentStore;
import com.qteria.document.storage.EncryptedStorage;
import com.qteria.document.storage.MasterKey;
import com.qteria.document.storage.MasterKeys;
import com.qteria.document.storage.StoredObject;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Rotation: documents stored under the old master key are re-wrapped under the newest configured one and still open;
 * the stored objects themselves are not rewritten.
 */
@QteriaTest
@TestPropertySource(properties = "qteria.storage.master-keys=" + KeyRotationTests.OLD + "," + KeyRotationTests.NEW)
class KeyRotationTests {

    static final String OLD = "k2025:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String NEW = "k2026:HyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4=";

    @Autowired
    KeyRotation rotation;
    @Autowired
    EncryptedStorage storage;
    @Autowired
    DocumentStore store;
    @Autowired
    Documents documents;
    @Autowired
    TestData data;

    @Test
    void documentsUnderTheOldKeyAreRewrappedUnderTheNewestAndStillOpen(@TempDir Path temp) throws Exception {
        byte[] pdf = SamplePdfs.pdf("Stored under the 2025 key");
        Path file = temp.resolve("old.pdf");
        Files.write(file, pdf);
        MasterKey old = MasterKeys.parse(OLD).getFirst();
        EncryptedStorage before = new EncryptedStorage(store, MasterKeys.of(old), temp);
        StoredObject stored = before.store(file);
        assertThat(stored.dataKey().keyId()).isEqualTo("k2025");
        Document document = Document.upload(new Document.Original(data.newTenant().id(), "old.pdf",
                DocumentType.PDF.mediaType(), pdf.length, "0".repeat(64), null, Instant.now()), stored);
        document.reject("Not read in this test.", Instant.now());
        documents.insert(document);
        byte[] objectBefore = rawObject(stored.key());

        KeyRotation.Outcome outcome = rotation.rotate();

        assertThat(outcome.keyId()).isEqualTo("k2026");
        assertThat(outcome.rewrapped()).isGreaterThanOrEqualTo(1);
        assertThat(outcome.failed()).isZero();
        Document after = documents.findForProcessing(document.id()).orElseThrow();
        assertThat(after.stored().dataKey().keyId()).isEqualTo("k2026");
        assertThat(after.stored().key()).isEqualTo(stored.key());
        assertThat(after.status()).isEqualTo(DocumentStatus.REJECTED);
        try (InputStream in = storage.open(after.stored())) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        assertThat(rawObject(stored.key())).isEqualTo(objectBefore);
        assertThat(rotation.rotate().rewrapped()).isZero();
    }

    @Test
    void theCommandLineSaysHowToUseIt() {
        assertThat(DocumentCommands.keys(new String[] {"keys"}, Object.class)).isEqualTo(64);
        assertThat(DocumentCommands.keys(new String[] {"keys", "spin"}, Object.class)).isEqualTo(64);
    }

    private byte[] rawObject(String key) throws Exception {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }
}

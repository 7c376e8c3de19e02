package com.qteria.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** Not configured in this context: documents under it cannot be re-wrapped. */
    static final String RETIRED = "k2020:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

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
    TestData.Tenant tenant;

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

    /**
     * A rotation that stops after a dozen documents (the hook throws, as a crash would, each document being committed
     * on its own) leaves every document readable; run again, it re-wraps only the rest, and all end under the newest
     * key. A document uploaded under the old key while the rotation runs, by an instance that does not know the new
     * key yet, is re-wrapped too; one whose key is not configured is reported without stopping the rest.
     */
    @Test
    void aRotationKilledMidwayResumesAndLeavesEveryDocumentReadable(@TempDir Path temp) throws Exception {
        EncryptedStorage old = new EncryptedStorage(store, MasterKeys.of(MasterKeys.parse(OLD).getFirst()), temp);
        Map<Document, byte[]> stored = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            byte[] pdf = SamplePdfs.pdf("Document " + i + " under the 2025 key");
            stored.put(insert(old, temp, pdf), pdf);
        }
        long underOld = documents.countByKeyId().getOrDefault("k2025", 0L);
        long underNew = documents.countByKeyId().getOrDefault("k2026", 0L);

        assertThatThrownBy(() -> rotation.rotate(1, progress -> {
            if (progress.done() == 12) {
                throw new IllegalStateException("killed");
            }
        })).hasMessage("killed");

        assertThat(documents.countByKeyId()).containsEntry("k2025", underOld - 12).containsEntry("k2026", underNew + 12);
        for (Map.Entry<Document, byte[]> entry : stored.entrySet()) {
            assertThat(read(entry.getKey())).as("readable midway").isEqualTo(entry.getValue());
        }

        byte[] late = SamplePdfs.pdf("Uploaded during the rotation");
        Document[] uploadedDuring = new Document[1];
        byte[] lost = SamplePdfs.pdf("Under a key nobody has");
        EncryptedStorage retired = new EncryptedStorage(store, MasterKeys.of(MasterKeys.parse(RETIRED).getFirst()),
                temp);
        Document unreadable = insert(retired, temp, lost);
        List<KeyRotation.Progress> reported = new ArrayList<>();
        KeyRotation.Outcome outcome = rotation.rotate(5, progress -> {
            reported.add(progress);
            if (uploadedDuring[0] == null) {
                try {
                    uploadedDuring[0] = insert(old, temp, late);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        assertThat(outcome.rewrapped()).as("the rest, and the upload during the run; none twice")
                .isEqualTo(underOld - 12 + 1);
        assertThat(outcome.failed()).isOne();
        assertThat(outcome.failures()).containsExactly(unreadable.id());
        assertThat(outcome.remaining()).isOne();
        assertThat(outcome.byKey()).containsOnlyKeys("k2026", "k2020").containsEntry("k2020", 1L);
        assertThat(reported).isNotEmpty().allSatisfy(progress -> assertThat(progress.done()).isPositive());
        assertThat(reported.getLast().done()).isEqualTo(underOld - 12 + 2);
        stored.put(uploadedDuring[0], late);
        for (Map.Entry<Document, byte[]> entry : stored.entrySet()) {
            Document after = documents.findForProcessing(entry.getKey().id()).orElseThrow();
            assertThat(after.stored().dataKey().keyId()).isEqualTo("k2026");
            assertThat(read(after)).isEqualTo(entry.getValue());
        }
        documents.delete(unreadable);
        assertThat(rotation.rotate().rewrapped()).isZero();
        assertThat(documents.countByKeyId()).containsOnlyKeys("k2026");
    }

    @Test
    void theCommandLineSaysHowToUseIt() {
        assertThat(DocumentCommands.keys(new String[] {"keys"}, Object.class)).isEqualTo(64);
        assertThat(DocumentCommands.keys(new String[] {"keys", "spin"}, Object.class)).isEqualTo(64);
    }

    private Document insert(EncryptedStorage under, Path temp, byte[] pdf) throws Exception {
        Path file = Files.createTempFile(temp, "document-", ".pdf");
        Files.write(file, pdf);
        tenant = tenant != null ? tenant : data.newTenant();
        Document document = Document.upload(new Document.Original(tenant.id(), "document.pdf",
                DocumentType.PDF.mediaType(), pdf.length, "0".repeat(64), null, Instant.now()), under.store(file));
        document.reject("Not read in this test.", Instant.now());
        documents.insert(document);
        return document;
    }

    private byte[] read(Document document) throws Exception {
        try (InputStream in = storage.open(documents.findForProcessing(document.id()).orElseThrow().stored())) {
            return in.readAllBytes();
        }
    }

    private byte[] rawObject(String key) throws Exception {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }
}

package com.qteria.document.storage;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link EncryptedStorage} on each adapter: what is stored is unreadable, and any change to it is noticed. */
abstract class EncryptedStorageContractTests {

    static final MasterKey KEY_A = MasterKey.generate("A");
    static final MasterKey KEY_B = MasterKey.generate("B");
    private static final int WINDOW = 32;
    /** Bytes of the Tink ciphertext that hold its header and first segment (64 KiB segments). */
    private static final int FIRST_SEGMENT_END = EncryptedStorage.FORMAT_MARKER.length + 64 * 1024;

    @TempDir
    Path dataDir;

    @TempDir
    Path files;

    DocumentStore store;
    EncryptedStorage storage;

    /** A new, empty store. */
    abstract DocumentStore newStore() throws IOException;

    /** Every object as the backend holds it, read around the adapter: files on disk, objects from the bucket. */
    abstract List<byte[]> rawObjects() throws IOException;

    @BeforeEach
    void storageUnderKeyA() throws IOException {
        store = newStore();
        storage = storageWith(KEY_A);
    }

    @Test
    void opensWhatItStored() throws IOException {
        byte[] content = report(200_000);

        StoredObject stored = storage.store(write("report.pdf", content));

        assertThat(read(storage, stored)).isEqualTo(content);
        assertThat(stored.dataKey().keyId()).isEqualTo("A");
        assertThat(dataDir.resolve("tmp")).as("the encrypted temporary file is gone").isEmptyDirectory();
    }

    @Test
    void storesEmptyFiles() throws IOException {
        StoredObject stored = storage.store(write("empty.pdf", new byte[0]));

        assertThat(read(storage, stored)).isEmpty();
    }

    @Test
    void neverStoresPlainText() throws IOException {
        byte[] content = report(200_000);
        storage.store(write("Confidential test report.pdf", content));

        List<byte[]> raw = rawObjects();

        assertThat(raw).hasSize(1);
        assertThat(sharesAWindow(content, raw.get(0))).as("a 32-byte run of the plain text in storage").isFalse();
        assertThat(new String(raw.get(0), ISO_8859_1)).doesNotContain("Confidential");
        assertThat(sharesAWindow(content, concat("noise".getBytes(UTF_8), content)))
                .as("the check itself finds plain text").isTrue();
    }

    @Test
    void storesUnderRandomKeysThatSayNothingAboutTheFile() throws IOException {
        Path file = write("Acme test report.pdf", report(1_000));

        StoredObject first = storage.store(file);
        StoredObject second = storage.store(file);

        assertThat(first.key()).matches("[0-9a-f]{32}").isNotEqualTo(second.key());
        assertThat(first.dataKey()).isNotEqualTo(second.dataKey());
        assertThat(rawObjects()).hasSize(2).satisfies(raw -> assertThat(raw.get(0)).isNotEqualTo(raw.get(1)));
    }

    @ParameterizedTest(name = "byte {0} flipped")
    @ValueSource(ints = {0, 3, 4, 20, 50, 70_000, 100_000, -1})
    void noticesAFlippedByte(int position) throws IOException {
        StoredObject stored = storage.store(write("report.pdf", report(200_000)));

        replaceStored(stored.key(), raw -> {
            int at = position < 0 ? raw.length + position : position;
            raw[at] ^= 0x01;
            return raw;
        });

        assertIntegrityFailure(stored);
    }

    @Test
    void noticesTruncationAndAppendedBytes() throws IOException {
        StoredObject stored = storage.store(write("report.pdf", report(200_000)));
        byte[] original = rawOf(stored.key());

        for (byte[] changed : List.of(Arrays.copyOf(original, original.length - 1),
                Arrays.copyOf(original, FIRST_SEGMENT_END), Arrays.copyOf(original, 2),
                concat(original, new byte[] {0}))) {
            replaceStored(stored.key(), raw -> changed);

            assertIntegrityFailure(stored);
        }
    }

    @Test
    void noticesObjectsSwappedInStorage() throws IOException {
        StoredObject first = storage.store(write("first.pdf", report(10_000)));
        StoredObject second = storage.store(write("second.pdf", report(12_000)));
        byte[] firstRaw = rawOf(first.key());
        byte[] secondRaw = rawOf(second.key());

        replaceStored(first.key(), raw -> secondRaw);
        replaceStored(second.key(), raw -> firstRaw);

        assertIntegrityFailure(first);
        assertIntegrityFailure(second);
    }

    @Test
    void aDataKeyOnlyOpensItsOwnObject() throws IOException {
        StoredObject first = storage.store(write("first.pdf", report(10_000)));
        StoredObject second = storage.store(write("second.pdf", report(10_000)));

        assertThatThrownBy(() -> storage.open(new StoredObject(second.key(), first.dataKey())))
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("Master key 'A' does not unwrap");
        WrappedKey relabelled = new WrappedKey("B", first.dataKey().wrapped());
        assertThatThrownBy(() -> storageWith(KEY_A, KEY_B).open(new StoredObject(first.key(), relabelled)))
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("Master key 'B' does not unwrap");
    }

    @Test
    void rotationRewrapsUnderTheNewestKeyAndLeavesTheObjectAlone() throws IOException {
        byte[] content = report(100_000);
        StoredObject underA = storage.store(write("report.pdf", content));
        byte[] rawBefore = rawOf(underA.key());

        EncryptedStorage rotated = storageWith(KEY_A, KEY_B);
        StoredObject underB = rotated.rewrap(underA);

        assertThat(rotated.activeKeyId()).isEqualTo("B");
        assertThat(underB.key()).isEqualTo(underA.key());
        assertThat(underB.dataKey().keyId()).isEqualTo("B");
        assertThat(rotated.rewrap(underB)).isSameAs(underB);
        assertThat(rawOf(underA.key())).isEqualTo(rawBefore);
        assertThat(read(storageWith(KEY_B), underB)).as("readable once A is removed").isEqualTo(content);
        assertThat(rotated.store(write("new.pdf", content)).dataKey().keyId()).isEqualTo("B");
    }

    @Test
    void namesTheMasterKeyThatIsNoLongerConfigured() throws IOException {
        StoredObject underA = storage.store(write("report.pdf", report(1_000)));
        EncryptedStorage withoutA = storageWith(KEY_B);

        assertThatThrownBy(() -> withoutA.open(underA)).isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("master key 'A', which is not configured")
                .hasMessageContaining("Configured master keys: B")
                .satisfies(e -> assertThat(((MasterKeyException) e).keyId()).isEqualTo("A"));
        assertThatThrownBy(() -> withoutA.rewrap(underA)).isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("'A'");
    }

    @Test
    void deletesObjects() throws IOException {
        StoredObject stored = storage.store(write("report.pdf", report(1_000)));

        storage.delete(stored.key());
        storage.delete(stored.key());

        assertThat(storage.store().exists(stored.key())).isFalse();
        assertThatThrownBy(() -> storage.open(stored)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void streamsLargeDocumentsBothWays() throws IOException {
        Path large = files.resolve("large.pdf");
        String written = LargeFiles.write(large, LargeFiles.SIXTY_MB);

        StoredObject stored = storage.store(large);
        long heapBefore = LargeFiles.usedHeapAfterGc();

        assertThat(LargeFiles.readCheckingHeap(storage.open(stored), LargeFiles.SIXTY_MB, heapBefore))
                .isEqualTo(written);
    }

    EncryptedStorage storageWith(MasterKey... keys) {
        return new EncryptedStorage(store, MasterKeys.of(keys), dataDir);
    }

    Path write(String name, byte[] content) throws IOException {
        return Files.write(files.resolve(name), content);
    }

    /** Text as a test report has it: repetitive, the worst case for spotting leaks. */
    static byte[] report(int size) {
        StringBuilder text = new StringBuilder();
        for (int line = 1; text.length() < size; line++) {
            text.append("Clause ").append(line % 40).append(".").append(line % 7)
                    .append(": the equipment complies with IEC 62368-1:2023, verdict P\n");
        }
        return text.substring(0, size).getBytes(UTF_8);
    }

    private static byte[] read(EncryptedStorage storage, StoredObject stored) throws IOException {
        try (InputStream in = storage.open(stored)) {
            return in.readAllBytes();
        }
    }

    private void assertIntegrityFailure(StoredObject stored) {
        assertThatThrownBy(() -> read(storage, stored))
                .isInstanceOf(DocumentIntegrityException.class)
                .hasMessage("The stored document failed its integrity check: it was altered or damaged in storage.");
    }

    private byte[] rawOf(String key) throws IOException {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }

    private void replaceStored(String key, UnaryOperator<byte[]> change) throws IOException {
        store.put(key, Files.write(files.resolve("changed-" + UUID.randomUUID()), change.apply(rawOf(key))));
    }

    private static boolean sharesAWindow(byte[] plaintext, byte[] stored) {
        String raw = new String(stored, ISO_8859_1);
        Set<String> windows = new HashSet<>();
        for (int i = 0; i + WINDOW <= raw.length(); i++) {
            windows.add(raw.substring(i, i + WINDOW));
        }
        String plain = new String(plaintext, ISO_8859_1);
        for (int i = 0; i + WINDOW <= plain.length(); i++) {
            if (windows.contains(plain.substring(i, i + WINDOW))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}

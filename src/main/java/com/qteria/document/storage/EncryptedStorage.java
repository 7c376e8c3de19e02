package com.qteria.document.storage;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.util.SecretBytes;
import com.qteria.platform.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Stores documents encrypted, whatever the {@link DocumentStore}: envelope encryption with a fresh 256-bit data key
 * per object, the data key wrapped by the newest {@link MasterKeys master key} and returned to the caller (who keeps
 * it in the database), never stored beside the object.
 * <p>
 * An object is the 4-byte format marker {@code QTE1}, then Tink's streaming AEAD (AES-256-GCM in 64 KiB segments,
 * HKDF-SHA256 per-stream keys) with the object key as associated data: each segment is authenticated as it is read,
 * so neither side ever holds a whole document in memory, and a flipped byte, a truncation or another object's bytes
 * put under this key fail with {@link DocumentIntegrityException}. The marker lets a later format (another segment
 * size, another scheme) be told apart from this one.
 * <p>
 * Rotation re-wraps data keys only ({@link #rewrap}); the objects themselves are not rewritten.
 */
@Component
public class EncryptedStorage {

    private static final Logger log = LoggerFactory.getLogger(EncryptedStorage.class);

    static final byte[] FORMAT_MARKER = "QTE1".getBytes(US_ASCII);
    private static final int DATA_KEY_BYTES = 32;
    private static final int OBJECT_KEY_BYTES = 16;
    private static final int SEGMENT_BYTES = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AesGcmHkdfStreamingParameters CONTENT_CIPHER = contentCipherParameters();

    private final DocumentStore store;
    private final MasterKeys masterKeys;
    private final Path temporaryDir;

    /** @param dataDir {@code qteria.data-dir}; objects are encrypted into its {@code tmp} folder before they are put */
    public EncryptedStorage(DocumentStore store, MasterKeys masterKeys, Path dataDir) {
        this.store = store;
        this.masterKeys = masterKeys;
        this.temporaryDir = dataDir.resolve("tmp");
        log.info("Documents are stored encrypted in {}", store.describe());
    }

    @Autowired
    EncryptedStorage(DocumentStore store, MasterKeys masterKeys, DataDirectory dataDirectory) {
        this(store, masterKeys, dataDirectory.dataDir());
    }

    /**
     * Encrypts the file under a new random key (nothing to do with its name) and a fresh data key, and stores it.
     * The caller keeps the returned object to read it again.
     */
    public StoredObject store(Path plaintext) throws IOException {
        String key = HexFormat.of().formatHex(random(OBJECT_KEY_BYTES));
        byte[] dataKey = random(DATA_KEY_BYTES);
        try {
            WrappedKey wrapped = masterKeys.newest().wrap(dataKey, key);
            Path encrypted = encrypt(plaintext, dataKey, key);
            try {
                store.put(key, encrypted);
            } finally {
                Files.deleteIfExists(encrypted);
            }
            return new StoredObject(key, wrapped);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * The plain text, decrypted while it is read. Damage shows as a {@link DocumentIntegrityException}, here or from
     * a read; a master key that is not configured as a {@link MasterKeyException} naming its id.
     */
    public InputStream open(StoredObject object) throws IOException {
        byte[] dataKey = masterKeys.get(object.dataKey().keyId()).unwrap(object.dataKey(), object.key());
        try {
            StreamingAead cipher = contentCipher(dataKey);
            return DecryptedContent.of(store.get(object.key()), FORMAT_MARKER, cipher, associatedData(object.key()));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    public void delete(String key) throws IOException {
        store.delete(key);
    }

    /** The same object with its data key wrapped under the newest master key; unchanged when it already is. */
    public StoredObject rewrap(StoredObject object) {
        MasterKey newest = masterKeys.newest();
        if (newest.id().equals(object.dataKey().keyId())) {
            return object;
        }
        byte[] dataKey = masterKeys.get(object.dataKey().keyId()).unwrap(object.dataKey(), object.key());
        try {
            return new StoredObject(object.key(), newest.wrap(dataKey, object.key()));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The id of the master key that wraps new data keys. */
    public String activeKeyId() {
        return masterKeys.newest().id();
    }

    public DocumentStore store() {
        return store;
    }

    private Path encrypt(Path plaintext, byte[] dataKey, String key) throws IOException {
        Files.createDirectories(temporaryDir);
        Path encrypted = Files.createTempFile(temporaryDir, "encrypting-", ".tmp");
        try (InputStream in = Files.newInputStream(plaintext);
             OutputStream out = Files.newOutputStream(encrypted)) {
            out.write(FORMAT_MARKER);
            try (OutputStream encrypting = contentCipher(dataKey).newEncryptingStream(out, associatedData(key))) {
                in.transferTo(encrypting);
            }
            return encrypted;
        } catch (GeneralSecurityException e) {
            Files.deleteIfExists(encrypted);
            throw new IllegalStateException("AES-GCM streaming is not available in this Java runtime", e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(encrypted);
            throw e;
        }
    }

    private static StreamingAead contentCipher(byte[] dataKey) {
        try {
            return AesGcmHkdfStreaming.create(AesGcmHkdfStreamingKey.create(CONTENT_CIPHER,
                    SecretBytes.copyFrom(dataKey, InsecureSecretKeyAccess.get())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM streaming is not available in this Java runtime", e);
        }
    }

    private static AesGcmHkdfStreamingParameters contentCipherParameters() {
        try {
            return AesGcmHkdfStreamingParameters.builder()
                    .setKeySizeBytes(DATA_KEY_BYTES)
                    .setDerivedAesGcmKeySizeBytes(DATA_KEY_BYTES)
                    .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
                    .setCiphertextSegmentSizeBytes(SEGMENT_BYTES)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] associatedData(String key) {
        return key.getBytes(UTF_8);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}

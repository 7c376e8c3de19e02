package com.qteria.document.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** The key ring: configured keys, the key generated into the data directory, and what neither may reveal. */
class MasterKeysTests {

    private static final String SECRET_A = base64(new byte[32], (byte) 1);
    private static final String SECRET_B = base64(new byte[32], (byte) 2);

    @TempDir
    Path dataDir;

    private final Logger logger = (Logger) LoggerFactory.getLogger(MasterKeys.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    @Test
    void readsConfiguredKeysTheLastOneNewest() {
        MasterKeys keys = MasterKeys.load(" A:" + SECRET_A + " , B:" + SECRET_B + " ", dataDir, true);

        assertThat(keys.ids()).containsExactly("A", "B");
        assertThat(keys.newest().id()).isEqualTo("B");
        assertThat(keys.get("A").secret().getEncoded()).isEqualTo(Base64.getDecoder().decode(SECRET_A));
        assertThat(dataDir).as("no key generated when keys are configured").isEmptyDirectory();
        assertThat(log.list).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "SECRET_A                       | entry 1 of qteria.storage.master-keys (QTERIA_MASTER_KEYS): expected keyId:base64-key",
        "A:SECRET_A,SECRET_B            | entry 2 of qteria.storage.master-keys (QTERIA_MASTER_KEYS): expected keyId:base64-key",
        "A:SECRET_A,,B:SECRET_B         | entry 2 of",
        "SECRET_A:SECRET_B              | entry 1 of",
        "A:SECRET_A!                    | 'A' in entry 1 of qteria.storage.master-keys (QTERIA_MASTER_KEYS): the key is not valid base64",
        "A:c2hvcnQ=                     | 'A' in entry 1 of qteria.storage.master-keys (QTERIA_MASTER_KEYS): the key is 5 bytes, AES-256 needs 32",
        "A:SECRET_A,A:SECRET_B          | Master key id 'A' is used for two different keys",
        "k e y:SECRET_A                 | entry 1 of",
        "UNPADDED_A:SECRET_B            | entry 1 of qteria.storage.master-keys (QTERIA_MASTER_KEYS): expected keyId:base64-key"})
    void rejectsInvalidEntriesNamingThemButNotTheirKeys(String entries, String message) {
        String configured = entries.replace("UNPADDED_A", SECRET_A.replace("=", ""))
                .replace("SECRET_A", SECRET_A).replace("SECRET_B", SECRET_B);

        assertThatThrownBy(() -> MasterKeys.load(configured, dataDir, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining(SECRET_A.substring(0, 12))
                .hasMessageNotContaining(SECRET_B.substring(0, 12));
    }

    @Test
    void generatesAKeyIntoTheDataDirectoryOnceAndWarns() throws IOException {
        MasterKeys firstStart = MasterKeys.load("", dataDir, true);
        assertThat(dataDir).as("nothing happens before the keys are needed").isEmptyDirectory();

        MasterKey generated = firstStart.newest();

        Path file = dataDir.resolve("keys/master.key");
        String content = Files.readString(file);
        assertThat(content).startsWith(generated.id() + ":").matches("generated-\\d{14}:[A-Za-z0-9+/]{43}=\n");
        assertThat(warnings()).singleElement().asString()
                .contains("generated master key '" + generated.id() + "' into " + file)
                .contains("qteria.storage.master-keys (QTERIA_MASTER_KEYS)", "openssl rand -base64 32")
                .doesNotContain(content.substring(generated.id().length() + 1).strip());

        MasterKeys secondStart = MasterKeys.load("", dataDir, true);

        assertThat(secondStart.newest()).isEqualTo(generated);
        assertThat(Files.readString(file)).isEqualTo(content);
        assertThat(warnings()).hasSize(2).last().asString().contains("encrypted under master key '" + generated.id());
    }

    @Test
    void keepsTheGeneratedKeyFileToItsOwner() throws IOException {
        assumeThat(dataDir.getFileSystem().supportedFileAttributeViews()).contains("posix");

        MasterKeys.load("", dataDir, true).newest();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys/master.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys"))))
                .isEqualTo("rwx------");
    }

    @Test
    void documentsStoredUnderTheGeneratedKeyStayReadableOnceKeysAreConfigured() throws IOException {
        Path documents = dataDir.resolve("documents");
        EncryptedStorage embedded = new EncryptedStorage(new FileSystemDocumentStore(documents),
                MasterKeys.load("", dataDir, true), dataDir);
        StoredObject early = embedded.store(Files.writeString(dataDir.resolve("early.pdf"), "stored early"));
        log.list.clear();

        MasterKeys configured = MasterKeys.load("B:" + SECRET_B, dataDir, true);
        EncryptedStorage later = new EncryptedStorage(new FileSystemDocumentStore(documents), configured, dataDir);

        assertThat(configured.ids()).containsExactly(early.dataKey().keyId(), "B");
        assertThat(later.activeKeyId()).isEqualTo("B");
        try (InputStream in = later.open(later.rewrap(early))) {
            assertThat(in.readAllBytes()).asString().isEqualTo("stored early");
        }
        assertThat(warnings()).as("configured keys: nothing to warn about").isEmpty();
    }

    @Test
    void withoutLeaveToGenerateAskForKeys() {
        MasterKeys none = MasterKeys.load(" ", dataDir, false);

        assertThatThrownBy(none::newest).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No master key configured: set qteria.storage.master-keys (QTERIA_MASTER_KEYS)");
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void anUnusableDataDirectoryFailsWhenKeysAreNeededNotBefore() throws IOException {
        Path notADirectory = Files.writeString(dataDir.resolve("file"), "not a directory");
        MasterKeys keys = MasterKeys.load("", notADirectory, true);

        assertThatThrownBy(keys::newest).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(notADirectory.resolve("keys/master.key").toString());
    }

    @Test
    void keysAndWrappedKeysNeverPrintTheirBytes() {
        MasterKey key = MasterKeys.parse("A:" + SECRET_A).get(0);
        WrappedKey wrapped = key.wrap(new byte[32], "object");

        assertThat(key).hasToString("MasterKey[id=A]");
        assertThat(wrapped).hasToString("WrappedKey[keyId=A, 60 bytes]");
    }

    @Test
    void wrappedKeysCompareByContentAndCannotBeChangedFromOutside() {
        byte[] bytes = {1, 2, 3};
        WrappedKey wrapped = new WrappedKey("A", bytes);
        bytes[0] = 9;
        wrapped.wrapped()[1] = 9;

        assertThat(wrapped).isEqualTo(new WrappedKey("A", new byte[] {1, 2, 3}))
                .hasSameHashCodeAs(new WrappedKey("A", new byte[] {1, 2, 3}))
                .isNotEqualTo(new WrappedKey("B", new byte[] {1, 2, 3}))
                .isNotEqualTo(new WrappedKey("A", new byte[] {1, 2, 4}));
    }

    @Test
    void aRingNeedsAKey() {
        assertThatThrownBy(MasterKeys::of).isInstanceOf(IllegalArgumentException.class);
        assertThat(MasterKeys.parse("")).isEmpty();
    }

    private List<String> warnings() {
        return log.list.stream().filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static String base64(byte[] bytes, byte fill) {
        java.util.Arrays.fill(bytes, fill);
        bytes[0] = 42;
        return Base64.getEncoder().encodeToString(bytes);
    }
}

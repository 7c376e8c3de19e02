package com.qteria.audit.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qteria.platform.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class AuditKeyTests {

    @TempDir
    Path dataDir;

    private final AuditKeyConfiguration configuration = new AuditKeyConfiguration();

    @Test
    void aConfiguredKeySealsAndTheSealHoldsOnlyForTheSameTextAndKey() {
        AuditKey key = configuration.auditKey(properties("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="),
                new DataDirectory(dataDir), new MockEnvironment());
        AuditKey other = AuditKey.fromBase64(AuditKey.generateBase64(), "test");
        String seal = key.seal("entry");
        assertThat(seal).hasSize(64);
        assertThat(key.holds("entry", seal)).isTrue();
        assertThat(key.holds("entry!", seal)).isFalse();
        assertThat(other.holds("entry", seal)).isFalse();
        assertThat(key.holds("entry", null)).isFalse();
        assertThat(key).hasToString("AuditKey[HMAC-SHA256]");
    }

    @Test
    void withoutAKeyTheEmbeddedDefaultGeneratesOneOnceAndKeepsIt() throws Exception {
        AuditKey first = configuration.auditKey(properties(""), new DataDirectory(dataDir), new MockEnvironment());
        first.seal("created on first use");
        AuditKey again = configuration.auditKey(properties(null), new DataDirectory(dataDir), new MockEnvironment());
        assertThat(again.holds("entry", first.seal("entry"))).isTrue();
        assertThat(Files.readString(dataDir.resolve("keys/audit.key")).strip()).hasSize(44);
    }

    @Test
    void s3StorageWithoutAKeyIsRefusedAtStart() {
        MockEnvironment s3 = new MockEnvironment().withProperty("qteria.storage.type", "s3");
        assertThatThrownBy(() -> configuration.auditKey(properties(""), new DataDirectory(dataDir), s3))
                .hasMessageContaining("QTERIA_AUDIT_KEY");
        assertThat(dataDir.resolve("keys/audit.key")).doesNotExist();
    }

    @Test
    void aWrongKeyIsNamedWithoutShowingIt() {
        assertThatThrownBy(() -> AuditKey.fromBase64("c2hvcnQ=", "QTERIA_AUDIT_KEY"))
                .hasMessageContaining("32 bytes").hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> AuditKey.fromBase64("not base64 at all!", "QTERIA_AUDIT_KEY"))
                .hasMessageContaining("openssl rand -base64 32").hasMessageNotContaining("at all");
    }

    private static AuditProperties properties(String key) {
        return new AuditProperties(key, Duration.ofMinutes(15));
    }
}

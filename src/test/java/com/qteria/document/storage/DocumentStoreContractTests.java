package com.qteria.document.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link DocumentStore} does; each adapter runs these against the real thing. */
abstract class DocumentStoreContractTests {

    @TempDir
    Path files;

    DocumentStore store;

    /** A new, empty store. */
    abstract DocumentStore newStore() throws IOException;

    @BeforeEach
    void emptyStore() throws IOException {
        store = newStore();
    }

    @Test
    void getsBackWhatWasPut() throws IOException {
        store.put("a1b2c3", file("first", "Test report IEC 62368-1"));

        try (InputStream in = store.get("a1b2c3")) {
            assertThat(in.readAllBytes()).asString(UTF_8).isEqualTo("Test report IEC 62368-1");
        }
        assertThat(files.resolve("first")).as("the source file is left in place").hasContent("Test report IEC 62368-1");
    }

    @Test
    void putReplacesTheEarlierObject() throws IOException {
        store.put("replaced", file("old", "old content, longer than the new one"));
        store.put("replaced", file("new", "new content"));

        assertThat(read("replaced")).isEqualTo("new content");
    }

    @Test
    void keepsEmptyObjects() throws IOException {
        store.put("empty", file("empty", ""));

        assertThat(store.exists("empty")).isTrue();
        assertThat(read("empty")).isEmpty();
    }

    @Test
    void takesKeysWithSegments() throws IOException {
        store.put("tenant-1/2026/doc.v2", file("nested", "nested"));

        assertThat(read("tenant-1/2026/doc.v2")).isEqualTo("nested");
        assertThat(store.exists("tenant-1/2026")).isFalse();
    }

    @Test
    void tellsWhetherAnObjectExists() throws IOException {
        assertThat(store.exists("there")).isFalse();

        store.put("there", file("there", "x"));

        assertThat(store.exists("there")).isTrue();
        assertThat(store.exists("elsewhere")).isFalse();
    }

    @Test
    void deletesIdempotently() throws IOException {
        store.put("gone", file("gone", "x"));

        store.delete("gone");
        store.delete("gone");
        store.delete("never-stored");

        assertThat(store.exists("gone")).isFalse();
        assertThatThrownBy(() -> store.get("gone")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void answersAMissingKeyWithNoSuchFile() {
        assertThatThrownBy(() -> store.get("missing"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void streamsLargeObjectsWithoutHoldingThemInMemory() throws IOException {
        Path large = files.resolve("large.bin");
        String written = LargeFiles.write(large, LargeFiles.SIXTY_MB);

        store.put("large", large);
        long heapBefore = LargeFiles.usedHeapAfterGc();

        assertThat(LargeFiles.readCheckingHeap(store.get("large"), LargeFiles.SIXTY_MB, heapBefore)).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../escaped", "a/../../escaped", "a/..", "/absolute", ".", "./a", ".hidden",
            "a/.hidden", "a//b", "a/", "a\\..\\b", "C:\\x", "", " ", "a b", "a\nb", "ä", "%2e%2e", "a:b"})
    void rejectsKeysThatCouldEscapeOrDifferBetweenStores(String key) throws IOException {
        Path content = file("content", "x");

        assertThatThrownBy(() -> store.put(key, content)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Storage key rejected");
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.exists(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNullAndOverlongKeys() {
        assertThatThrownBy(() -> store.exists(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.exists("k".repeat(513))).isInstanceOf(IllegalArgumentException.class);
    }

    Path file(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content, UTF_8);
    }

    private String read(String key) throws IOException {
        try (InputStream in = store.get(key)) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }
}

package com.qteria.document.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemDocumentStoreTests extends DocumentStoreContractTests {

    @TempDir
    Path dataDir;

    @Override
    DocumentStore newStore() {
        return new FileSystemDocumentStore(dataDir.resolve("documents"));
    }

    @Test
    void shardsObjectsIntoSubdirectoriesAndLeavesNoTemporaryFiles() throws IOException {
        for (int i = 0; i < 20; i++) {
            store.put("object-" + i, file("content", "x"));
        }

        List<Path> stored = storedFiles();
        assertThat(stored).hasSize(20).allSatisfy(path -> {
            assertThat(dataDir.resolve("documents").relativize(path).getNameCount()).isEqualTo(2);
            assertThat(path.getParent().getFileName().toString()).matches("[0-9a-f]{2}");
            assertThat(path.getFileName().toString()).startsWith("object-");
        });
        assertThat(stored.stream().map(Path::getParent).distinct().count()).as("spread over shards").isGreaterThan(5);
    }

    @Test
    void writesNothingOutsideItsRoot() throws IOException {
        Path content = file("content", "x");

        assertThatThrownBy(() -> store.put("../../outside", content)).isInstanceOf(IllegalArgumentException.class);

        try (Stream<Path> all = Files.walk(dataDir)) {
            assertThat(all.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void describesItselfByItsRoot() {
        assertThat(store.describe()).isEqualTo("local " + dataDir.resolve("documents").toAbsolutePath());
    }

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> all = Files.walk(dataDir.resolve("documents"))) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}

package com.qteria.document.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.platform.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryFilesTests {

    @Test
    void filesLeftBehindForMoreThanADayAreRemovedOnStartAndRecentOnesKept(@TempDir Path dataDir) throws Exception {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        Path tmp = Files.createDirectories(dataDir.resolve("tmp"));
        Path stale = Files.writeString(tmp.resolve("read-1.bin"), "left by a crashed run");
        Files.setLastModifiedTime(stale, FileTime.from(now.minus(Duration.ofHours(25))));
        Path recent = Files.writeString(tmp.resolve("upload-2.part"), "being received");
        Files.setLastModifiedTime(recent, FileTime.from(now.minus(Duration.ofMinutes(5))));

        new TemporaryFiles(new DataDirectory(dataDir), Clock.fixed(now, ZoneOffset.UTC)).removeStale();

        assertThat(stale).doesNotExist();
        assertThat(recent).exists();
    }

    @Test
    void aMissingDirectoryIsNothingToDo(@TempDir Path dataDir) {
        new TemporaryFiles(new DataDirectory(dataDir), Clock.systemUTC()).removeStale();
        assertThat(dataDir.resolve("tmp")).doesNotExist();
    }
}

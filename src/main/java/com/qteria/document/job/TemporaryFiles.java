package com.qteria.document.job;

import com.qteria.platform.DataDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Uploads being received and documents being read pass through private temporary files under
 * {@code <data-dir>/tmp}, deleted when done. A process that died leaves some behind: on start, files older than a
 * day are removed (newer ones may belong to another instance sharing the data dir).
 */
@Component
class TemporaryFiles {

    private static final Logger log = LoggerFactory.getLogger(TemporaryFiles.class);
    private static final Duration STALE = Duration.ofDays(1);

    private final Path directory;
    private final Clock clock;

    TemporaryFiles(DataDirectory dataDirectory, Clock clock) {
        this.directory = dataDirectory.temporary();
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void removeStale() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Instant cutoff = clock.instant().minus(STALE);
        int removed = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("Could not clean up temporary files in {}", directory, e);
        }
        if (removed > 0) {
            log.info("Removed {} temporary files left behind by an earlier run", removed);
        }
    }
}

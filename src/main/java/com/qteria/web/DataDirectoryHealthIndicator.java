package com.qteria.web;

import com.qteria.platform.DataDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The "storage" component of {@code /health}: the data directory (local document storage, embedded database)
 * exists and takes a write. Down means uploads would fail.
 */
@Component("storage")
class DataDirectoryHealthIndicator extends AbstractHealthIndicator {

    private final Path dataDir;

    DataDirectoryHealthIndicator(DataDirectory dataDirectory) {
        super("Data directory is not writable");
        this.dataDir = dataDirectory.dataDir();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws IOException {
        Files.createDirectories(dataDir);
        Path probe = Files.createTempFile(dataDir, ".health", ".tmp");
        Files.delete(probe);
        builder.up();
    }
}

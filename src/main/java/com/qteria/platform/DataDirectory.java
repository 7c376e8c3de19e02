package com.qteria.platform;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where this instance keeps its files: the embedded database, locally stored documents, a generated master key and
 * private temporary files. Injected wherever a module needs a place on disk, instead of each reading the setting.
 *
 * @param dataDir Data directory: the embedded database, local documents, a generated key, temporary files; a
 *                relative path starts from the working directory. Environment variable: QTERIA_DATA_DIR.
 */
@Validated
@ConfigurationProperties("qteria")
public record DataDirectory(@NotNull(message = "a directory path") Path dataDir) {

    /** {@code <data-dir>/tmp}: private temporary files, each deleted when done; stale ones are removed on start. */
    public Path temporary() {
        return dataDir.resolve("tmp");
    }

    /** A file or folder inside the data directory. */
    public Path resolve(String name) {
        return dataDir.resolve(name);
    }
}

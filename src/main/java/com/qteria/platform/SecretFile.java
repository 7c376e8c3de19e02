package com.qteria.platform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A one-line secret the embedded default generates for itself in the data directory (a master key, the audit key),
 * used when none is configured. Created once, readable by the owner only where the file system has POSIX
 * permissions, and created with {@code CREATE_NEW}: two instances starting together cannot overwrite each other's
 * secret — the second reads the first one's.
 */
public record SecretFile(Path file) {

    /** {@code <data-dir>/keys/<name>}. */
    public static SecretFile in(DataDirectory dataDirectory, String name) {
        return in(dataDirectory.dataDir(), name);
    }

    public static SecretFile in(Path dataDir, String name) {
        return new SecretFile(dataDir.resolve("keys").resolve(name));
    }

    /** The stored line, stripped; empty when the file does not exist. */
    public Optional<String> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(file, UTF_8).strip());
    }

    /** Writes the generated line unless the file exists already; returns what the file holds afterwards. */
    public String createOnce(Supplier<String> generate) throws IOException {
        Files.createDirectories(file.getParent().getParent());
        Files.createDirectories(file.getParent(), ownerOnly("rwx------"));
        String line = generate.get();
        try (FileChannel channel = FileChannel.open(file, Set.of(CREATE_NEW, WRITE), ownerOnly("rw-------"))) {
            channel.write(ByteBuffer.wrap((line + "\n").getBytes(UTF_8)));
            channel.force(true);
            return line;
        } catch (FileAlreadyExistsException e) {
            return read().orElseThrow(() -> e);
        }
    }

    private FileAttribute<?>[] ownerOnly(String permissions) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
    }
}

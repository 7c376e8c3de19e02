package com.qteria.document.storage;

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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The master key of the embedded default, in {@code <data-dir>/keys/master.key} as one {@code keyId:base64} line
 * (the format of {@code qteria.storage.master-keys}). Created once, readable by the owner only where the file system
 * has POSIX permissions, and created with {@code CREATE_NEW}: two instances starting together cannot overwrite each
 * other's key — the second reads the first one's.
 */
record GeneratedMasterKey(Path file) {

    static GeneratedMasterKey in(Path dataDir) {
        return new GeneratedMasterKey(dataDir.resolve("keys").resolve("master.key"));
    }

    Optional<MasterKey> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(MasterKeys.parseEntry(Files.readString(file, UTF_8).strip(), "the key file " + file));
    }

    MasterKey create() throws IOException {
        Files.createDirectories(file.getParent().getParent());
        Files.createDirectories(file.getParent(), ownerOnly("rwx------"));
        MasterKey key = MasterKey.generate("generated-"
                + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(ZonedDateTime.now(ZoneOffset.UTC)));
        String line = key.id() + ":" + Base64.getEncoder().encodeToString(key.secret().getEncoded()) + "\n";
        try (FileChannel channel = FileChannel.open(file, Set.of(CREATE_NEW, WRITE), ownerOnly("rw-------"))) {
            channel.write(ByteBuffer.wrap(line.getBytes(UTF_8)));
            channel.force(true);
            return key;
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

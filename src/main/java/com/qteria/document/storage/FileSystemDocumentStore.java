package com.qteria.document.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Objects as files under a root directory ({@code <data-dir>/documents} in the embedded default).
 * <p>
 * Sharding: an object lives in {@code <root>/<xx>/<key>}, {@code xx} being the first byte of the SHA-256 of its key
 * in hex, so any kind of key spreads evenly over 256 directories. Writes go to a temporary file beside the target
 * (a name starting with a dot, which no valid key has), are flushed to disk, then moved over the target atomically:
 * a reader sees the old object or the new one, never a half-written file.
 */
public final class FileSystemDocumentStore implements DocumentStore {

    private final Path root;

    public FileSystemDocumentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, Path file) throws IOException {
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + UUID.randomUUID() + ".tmp");
        try {
            copyDurably(file, temporary);
            moveOver(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public InputStream get(String key) throws IOException {
        Path path = pathOf(key);
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(key, null, "no stored object under this key in " + root);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public String describe() {
        return "local " + root;
    }

    public Path root() {
        return root;
    }

    private Path pathOf(String key) {
        DocumentStore.requireValidKey(key);
        Path path = root.resolve(shardOf(key)).resolve(key).normalize();
        if (!path.startsWith(root)) { // cannot happen with a valid key; a second lock on the same door
            throw new IllegalArgumentException("Storage key rejected: it points outside the storage root");
        }
        return path;
    }

    private static String shardOf(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(UTF_8));
            return HexFormat.of().toHexDigits(hash[0]);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void copyDurably(Path source, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(source, READ);
             FileChannel out = FileChannel.open(target, CREATE_NEW, WRITE)) {
            long size = in.size();
            long position = 0;
            while (position < size) {
                long copied = in.transferTo(position, size - position, out);
                if (copied <= 0) {
                    throw new IOException("The file shrank while it was being stored: " + source);
                }
                position += copied;
            }
            out.force(true);
        }
    }

    private static void moveOver(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, ATOMIC_MOVE, REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, REPLACE_EXISTING);
        }
    }
}

package com.qteria.document.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Large test files written and read chunk by chunk, and a rough measure of what stays on the heap. */
final class LargeFiles {

    static final long SIXTY_MB = 60L * 1024 * 1024;
    /** Far below the file's size: a store holding the file whole would exceed it. */
    static final long HEAP_ALLOWANCE = 24L * 1024 * 1024;

    private LargeFiles() {
    }

    /** Writes pseudo-random bytes; returns their SHA-256. */
    static String write(Path file, long size) throws IOException {
        MessageDigest digest = sha256();
        SplittableRandom random = new SplittableRandom(size);
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Reads the stream to its end and returns the SHA-256 of what it gave; halfway through, checks that the heap
     * holds no more than {@link #HEAP_ALLOWANCE} beyond what it held before the stream was opened.
     */
    static String readCheckingHeap(InputStream in, long size, long heapBefore) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream digesting = new DigestInputStream(in, digest)) {
            byte[] buffer = new byte[64 * 1024];
            for (long read = 0; read < size / 2; ) { // not skip(): that would pass the digest by
                int n = digesting.read(buffer, 0, (int) Math.min(buffer.length, size / 2 - read));
                if (n < 0) {
                    throw new AssertionError("The stream ended after " + read + " bytes");
                }
                read += n;
            }
            long heapHalfway = usedHeapAfterGc();
            if (heapHalfway - heapBefore > HEAP_ALLOWANCE) {
                throw new AssertionError("Halfway through a " + size / (1024 * 1024) + " MB object, the heap holds "
                        + (heapHalfway - heapBefore) / (1024 * 1024) + " MB more than before: it is not streamed");
            }
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static long usedHeapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

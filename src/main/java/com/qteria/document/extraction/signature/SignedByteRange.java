package com.qteria.document.extraction.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSTypedData;

/**
 * The bytes a PDF signature signs: {@code /ByteRange [a b c d]} is the file from a for b bytes and from c for d
 * bytes; between them sits the signature value itself as a hex string. Streamed from the file, never loaded whole.
 */
record SignedByteRange(Path file, long fileLength, long firstStart, long firstLength, long secondStart,
                       long secondLength) implements CMSTypedData {

    /** Null when the array is not four non-negative numbers inside the file, in order. */
    static SignedByteRange of(Path file, long fileLength, int[] range) {
        if (range == null || range.length != 4) {
            return null;
        }
        for (int value : range) {
            if (value < 0) {
                return null;
            }
        }
        long gapStart = (long) range[0] + range[1];
        long end = (long) range[2] + range[3];
        if (gapStart > range[2] || end > fileLength) {
            return null;
        }
        return new SignedByteRange(file, fileLength, range[0], range[1], range[2], range[3]);
    }

    /**
     * The range starts at byte 0, ends at the end of the file (give or take trailing white space) and leaves out
     * exactly the {@code <…>} signature value: nothing was added after signing.
     */
    boolean coversWholeFile() throws IOException {
        if (firstStart != 0) {
            return false;
        }
        byte[] gap = read(firstLength, (int) Math.min(secondStart - firstLength, 1));
        byte[] gapEnd = read(secondStart - 1, 1);
        if (gap.length != 1 || gap[0] != '<' || gapEnd.length != 1 || gapEnd[0] != '>') {
            return false;
        }
        long end = secondStart + secondLength;
        if (end == fileLength) {
            return true;
        }
        if (fileLength - end > 16) {
            return false;
        }
        for (byte b : read(end, (int) (fileLength - end))) {
            if (b != '\n' && b != '\r' && b != ' ' && b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The signature value (DER-encoded CMS) from the hex string between the two ranges; null if it is not hex. */
    byte[] signatureValue() throws IOException {
        long length = secondStart - firstLength;
        if (length < 2 || length > 4_000_000) {
            return null;
        }
        String hex = new String(read(firstLength, (int) length), java.nio.charset.StandardCharsets.ISO_8859_1).strip();
        if (!hex.startsWith("<") || !hex.endsWith(">")) {
            return null;
        }
        String digits = hex.substring(1, hex.length() - 1).replaceAll("\\s", "");
        if (digits.length() % 2 == 1) {
            digits = digits + "0";
        }
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public ASN1ObjectIdentifier getContentType() {
        return CMSObjectIdentifiers.data;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            copy(channel, firstStart, firstLength, out);
            copy(channel, secondStart, secondLength, out);
        }
    }

    @Override
    public Object getContent() {
        return this;
    }

    private static void copy(FileChannel channel, long start, long length, OutputStream out) throws IOException {
        channel.position(start);
        InputStream in = Channels.newInputStream(channel);
        byte[] buffer = new byte[1 << 16];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("file ended inside the signed byte range");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    private byte[] read(long position, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(position);
            return Channels.newInputStream(channel).readNBytes(length);
        }
    }
}

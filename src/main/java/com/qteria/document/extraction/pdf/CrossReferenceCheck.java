package com.qteria.document.extraction.pdf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a PDF ends the way a reader starts reading it: {@code startxref}, an offset that points at a
 * cross-reference table or stream, and {@code %%EOF}. When it does not, PDFBox rebuilds the structure by scanning
 * the whole file; that usually works, but the handler should know the file was damaged (truncated uploads, broken
 * writers). PDFBox itself does not tell whether it had to repair.
 */
final class CrossReferenceCheck {

    private static final int TAIL = 2048;
    private static final int HEADER_WINDOW = 1024;
    private static final Pattern START_XREF = Pattern.compile("startxref\\s+(\\d{1,15})\\s+%%EOF");
    private static final Pattern OBJECT = Pattern.compile("\\d+\\s+\\d+\\s+obj\\b.*", Pattern.DOTALL);

    private CrossReferenceCheck() {
    }

    static boolean intact(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            String tail = read(channel, Math.max(0, length - TAIL), TAIL);
            int at = tail.lastIndexOf("startxref");
            Matcher matcher = at < 0 ? null : START_XREF.matcher(tail.substring(at));
            if (matcher == null || !matcher.lookingAt()) {
                return false;
            }
            long offset = Long.parseLong(matcher.group(1));
            int header = read(channel, 0, HEADER_WINDOW).indexOf("%PDF-");
            return pointsAtCrossReference(channel, offset)
                    || header > 0 && pointsAtCrossReference(channel, offset + header);
        }
    }

    private static boolean pointsAtCrossReference(FileChannel channel, long offset) throws IOException {
        if (offset >= channel.size()) {
            return false;
        }
        String start = read(channel, offset, 64).stripLeading();
        return start.startsWith("xref") || OBJECT.matcher(start).matches();
    }

    private static String read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
            // keep reading until full or end of file
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
    }
}

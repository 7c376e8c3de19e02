package com.qteria.document.storage;

import com.google.crypto.tink.StreamingAead;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The plain text of a stored object, decrypted segment by segment as it is read. Tink reports a segment that does
 * not authenticate as a plain {@link IOException}; this stream tells those apart from failures of the store itself
 * (a dropped connection stays what it is) and turns them into a {@link DocumentIntegrityException}.
 */
final class DecryptedContent extends FilterInputStream {

    private final WatchedSource source;

    private DecryptedContent(InputStream decrypting, WatchedSource source) {
        super(decrypting);
        this.source = source;
    }

    /** Checks the format marker, then decrypts lazily; the stored stream is closed with the returned one. */
    static InputStream of(InputStream stored, byte[] formatMarker, StreamingAead cipher, byte[] associatedData)
            throws IOException {
        WatchedSource source = new WatchedSource(stored);
        try {
            if (!Arrays.equals(source.readNBytes(formatMarker.length), formatMarker)) {
                throw new DocumentIntegrityException();
            }
            return new DecryptedContent(cipher.newDecryptingStream(source, associatedData), source);
        } catch (GeneralSecurityException e) {
            source.close();
            throw new DocumentIntegrityException(e);
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw explained(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            throw explained(e);
        }
    }

    @Override
    public long skip(long count) throws IOException {
        try {
            return super.skip(count);
        } catch (IOException e) {
            throw explained(e);
        }
    }

    private IOException explained(IOException e) {
        if (source.failed || e instanceof DocumentIntegrityException) {
            return e;
        }
        return new DocumentIntegrityException(e);
    }

    /** The stored bytes, remembering whether reading them ever failed. */
    private static final class WatchedSource extends FilterInputStream {

        private boolean failed;

        WatchedSource(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public long skip(long count) throws IOException {
            try {
                return super.skip(count);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }
    }
}

package com.qteria.document;

import java.time.Instant;

/**
 * A digital signature found in a PDF. {@code valid}: the signed bytes match and the signature verifies
 * cryptographically (whether the signer's certificate is trusted is not judged). {@code coversWholeDocument}: nothing
 * was appended after signing. {@code page}: the 1-based page the signature field is shown on, null when it is on none
 * (or the document was read before pages were recorded).
 */
public record Signature(String signer, Instant signedAt, boolean coversWholeDocument, boolean valid, String problem,
        Integer page) {
}

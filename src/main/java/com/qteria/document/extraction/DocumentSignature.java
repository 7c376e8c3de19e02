package com.qteria.document.extraction;

import java.time.Instant;

/**
 * A digital signature found in a PDF, as verified at extraction time.
 *
 * @param signer              the signing certificate's common name (CN), else the signature's /Name
 * @param signedAt            the signing time from the signed attributes, a timestamp token or the /M entry; null
 *                            when the signature says nothing
 * @param coversWholeDocument the signed byte range is the whole file except the signature value itself: nothing
 *                            was appended (changed) after signing
 * @param valid               the digest of the signed bytes matches and the CMS signature verifies with the signer's
 *                            certificate; the certificate's trust chain and revocation are NOT checked
 * @param problem             what is wrong, in plain words; null when nothing is
 */
public record DocumentSignature(String signer, Instant signedAt, boolean coversWholeDocument, boolean valid,
                                String problem) {
}

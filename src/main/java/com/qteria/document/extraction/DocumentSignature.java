package com.qteria.document.extraction;

import com.qteria.document.Signature;
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
 * @param page                the 1-based page its signature field is shown on; null when the field has no widget on
 *                            a page (an invisible signature not tied to a page)
 */
public record DocumentSignature(String signer, Instant signedAt, boolean coversWholeDocument, boolean valid,
                                String problem, Integer page) {

    /** The same signature, shown on page {@code number} (null: on none). */
    public DocumentSignature onPage(Integer number) {
        return new DocumentSignature(signer, signedAt, coversWholeDocument, valid, problem, number);
    }

    /** As the module's API shows it. */
    public Signature toSignature() {
        return new Signature(signer, signedAt, coversWholeDocument, valid, problem, page);
    }
}

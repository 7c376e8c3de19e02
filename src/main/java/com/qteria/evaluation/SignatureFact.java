package com.qteria.evaluation;

import java.time.Instant;

/**
 * A digital signature of a document as the extraction verified it.
 *
 * @param valid               the signed bytes' digest matches and the CMS signature verifies
 * @param coversWholeDocument nothing was appended after signing
 * @param signedAt            when it was signed, as the signature says; null when it says nothing
 * @param page                the 1-based page its signature field is shown on; null when on none
 */
public record SignatureFact(String signer, boolean valid, boolean coversWholeDocument, Instant signedAt,
        Integer page) {

    /** A signature whose time and field page are not known. */
    public SignatureFact(String signer, boolean valid, boolean coversWholeDocument) {
        this(signer, valid, coversWholeDocument, null, null);
    }
}

package com.qteria.evaluation;

/**
 * A digital signature of a document as the extraction verified it.
 *
 * @param valid               the signed bytes' digest matches and the CMS signature verifies
 * @param coversWholeDocument nothing was appended after signing
 */
public record SignatureFact(String signer, boolean valid, boolean coversWholeDocument) {
}

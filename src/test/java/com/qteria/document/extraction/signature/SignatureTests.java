package com.qteria.document.extraction.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.document.extraction.DocumentSignature;
import com.qteria.document.extraction.Extractions;
import com.qteria.document.extraction.GeneratedPdfs;
import com.qteria.support.SignedPdfs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Digital signatures, made in the test with PDFBox and BouncyCastle and a self-signed certificate. */
class SignatureTests {

    private static final SignedPdfs SIGNER = SignedPdfs.signer("CN=Erika Mustermann, O=Prüflabor Test GmbH, C=DE");

    @TempDir
    Path directory;

    @Test
    void reportsASignedDocumentAsSignedValidAndComplete() throws IOException {
        Path file = GeneratedPdfs.write(directory, "signed.pdf", signed());

        Extractions result = Extractions.pdf(file);

        DocumentSignature signature = single(result);
        assertThat(signature.signer()).isEqualTo("Erika Mustermann");
        assertThat(signature.valid()).isTrue();
        assertThat(signature.coversWholeDocument()).isTrue();
        assertThat(signature.problem()).isNull();
        assertThat(signature.signedAt()).isBetween(Instant.now().minusSeconds(600), Instant.now().plusSeconds(5));
        assertThat(result.text(1)).isEqualTo("Test report 2024-117: all requirements met.");
        assertThat(signature.page()).isEqualTo(1);
    }

    @Test
    void recordsThePageTheSignatureFieldIsOn() throws IOException {
        Path file = GeneratedPdfs.write(directory, "signed-on-2.pdf", signed(GeneratedPdfs.numberedPages(3), 1));

        DocumentSignature signature = single(Extractions.pdf(file));

        assertThat(signature.valid()).isTrue();
        assertThat(signature.page()).isEqualTo(2);
    }

    @Test
    void aChangeAppendedAfterSigningIsNotCovered() throws IOException {
        Path file = GeneratedPdfs.write(directory, "changed.pdf",
                SignedPdfs.modifiedAfterSigning(signed(), "Changed after signing"));

        DocumentSignature signature = single(Extractions.pdf(file));

        assertThat(signature.coversWholeDocument()).isFalse();
        assertThat(signature.valid()).isTrue();
        assertThat(signature.problem()).isEqualTo(
                "The document was changed after this signature was applied: later changes are not covered.");
    }

    @Test
    void aTamperedSignedByteMakesTheSignatureInvalid() throws IOException {
        byte[] pdf = signed();
        int at = indexOf(pdf, "/Producer".getBytes(StandardCharsets.US_ASCII));
        if (at < 0) {
            at = indexOf(pdf, "/Type".getBytes(StandardCharsets.US_ASCII));
        }
        pdf[at + 1] = (byte) (pdf[at + 1] ^ 0x20); // "/Type" -> "/type": same length, different bytes
        Path file = GeneratedPdfs.write(directory, "tampered.pdf", pdf);

        DocumentSignature signature = single(Extractions.pdf(file));

        assertThat(signature.valid()).isFalse();
        assertThat(signature.coversWholeDocument()).isTrue();
        assertThat(signature.problem()).isEqualTo(
                "The signature does not match the signed content: the document was changed after signing.");
    }

    @Test
    void anUnsignedDocumentHasNoSignatures() throws IOException {
        Path file = GeneratedPdfs.write(directory, "plain.pdf", GeneratedPdfs.numberedPages(1));

        assertThat(Extractions.pdf(file).extracted().signatures()).isEmpty();
    }

    private static DocumentSignature single(Extractions result) {
        List<DocumentSignature> signatures = result.extracted().signatures();
        assertThat(signatures).hasSize(1);
        return signatures.get(0);
    }

    private static byte[] signed() throws IOException {
        return signed(GeneratedPdfs.pdf(page -> page.text(72, 100, 12, "Test report 2024-117: all requirements met.")),
                0);
    }

    private static byte[] signed(byte[] unsigned, int pageIndex) throws IOException {
        return SIGNER.sign(unsigned, pageIndex);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

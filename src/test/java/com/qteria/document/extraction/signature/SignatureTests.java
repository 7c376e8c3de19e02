package com.qteria.document.extraction.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.document.extraction.DocumentSignature;
import com.qteria.document.extraction.Extractions;
import com.qteria.document.extraction.GeneratedPdfs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Digital signatures, made in the test with PDFBox and BouncyCastle and a self-signed certificate. */
class SignatureTests {

    private static KeyPair keys;
    private static X509Certificate certificate;

    @TempDir
    Path directory;

    @BeforeAll
    static void certificate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=Erika Mustermann, O=Prüflabor Test GmbH, C=DE");
        Instant now = Instant.now();
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
        certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))), subject, keys.getPublic()).build(signer));
    }

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
    }

    @Test
    void aChangeAppendedAfterSigningIsNotCovered() throws IOException {
        Path file = directory.resolve("changed.pdf");
        try (PDDocument document = Loader.loadPDF(signed())) {
            document.getDocumentInformation().setTitle("Changed after signing");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            try (var out = Files.newOutputStream(file)) {
                document.saveIncremental(out);
            }
        }

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
        byte[] unsigned = GeneratedPdfs.pdf(page -> page.text(72, 100, 12, "Test report 2024-117: all requirements met."));
        try (PDDocument document = Loader.loadPDF(unsigned)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName("Signature name from the dictionary");
            signature.setSignDate(Calendar.getInstance());
            document.addSignature(signature, content -> cms(content.readAllBytes()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static byte[] cms(byte[] content) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build()).build(signer, certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.cms.CMSException e) {
            throw new IOException(e);
        }
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

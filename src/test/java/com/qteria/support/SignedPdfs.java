package com.qteria.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * PDFs signed digitally in tests and in the accuracy corpus, with PDFBox and BouncyCastle and a self-signed
 * certificate: a detached PKCS#7 signature (SHA-256 with RSA) whose field is on a chosen page. A {@linkplain #seeded
 * seeded} signer has the same key and signing time every run (PDFBox still writes a fresh trailer ID into the
 * incremental update, so signed files differ in those bytes).
 */
public final class SignedPdfs {

    private final KeyPair keys;
    private final X509Certificate certificate;
    /** The signing time written into the signature; null: now. */
    private final Instant signedAt;

    private SignedPdfs(KeyPair keys, X509Certificate certificate, Instant signedAt) {
        this.keys = keys;
        this.certificate = certificate;
        this.signedAt = signedAt;
    }

    /** A signer with a new key and a certificate for {@code subject} ("CN=Erika Mustermann, O=…, C=DE"), signing now. */
    public static SignedPdfs signer(String subject) {
        Instant now = Instant.now();
        return create(subject, new SecureRandom(), BigInteger.valueOf(now.toEpochMilli()),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), null);
    }

    /** A signer whose key derives from {@code seed}, valid 2024–2029, signing at {@code signedAt}. */
    public static SignedPdfs seeded(String subject, long seed, Instant signedAt) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return create(subject, random, BigInteger.valueOf(seed), Instant.parse("2024-01-01T00:00:00Z"),
                    Instant.parse("2029-12-31T23:59:59Z"), signedAt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SignedPdfs create(String subject, SecureRandom random, BigInteger serial, Instant from, Instant to,
            Instant signedAt) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name(subject);
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(name, serial, Date.from(from), Date.from(to), name,
                            keys.getPublic()).build(signer));
            return new SignedPdfs(keys, certificate, signedAt);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document signed, its invisible signature field on page {@code pageIndex} (0-based). */
    public byte[] sign(byte[] unsigned, int pageIndex) throws IOException {
        return sign(unsigned, pageIndex + 1, null, null, null);
    }

    /**
     * The document signed, the widget of its signature field on {@code page} (1-based) at {@code rect} (null: an
     * invisible one), with the signature's reason and location (either may be null).
     */
    public byte[] sign(byte[] unsigned, int page, PDRectangle rect, String reason, String location) {
        try (PDDocument document = Loader.loadPDF(unsigned); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName("Signature name from the dictionary");
            signature.setReason(reason);
            signature.setLocation(location);
            Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
            if (signedAt != null) {
                calendar.setTimeInMillis(signedAt.toEpochMilli());
            }
            signature.setSignDate(calendar);
            options.setPage(page - 1);
            document.addSignature(signature, content -> cms(content.readAllBytes()), options);
            if (rect != null) {
                for (PDSignatureField field : document.getSignatureFields()) {
                    field.getWidgets().getFirst().setRectangle(rect);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A change appended after signing (a new title in an incremental update): the signature no longer covers all. */
    public static byte[] modifiedAfterSigning(byte[] signed, String title) {
        try (PDDocument document = Loader.loadPDF(signed)) {
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] cms(byte[] content) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
            JcaSignerInfoGeneratorBuilder info = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build());
            if (signedAt != null) {
                info.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(
                        new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signedAt)))))));
            }
            generator.addSignerInfoGenerator(info.build(signer, certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException(e);
        }
    }
}

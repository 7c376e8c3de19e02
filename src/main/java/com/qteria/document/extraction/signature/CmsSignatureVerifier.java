package com.qteria.document.extraction.signature;

import com.qteria.document.extraction.DocumentSignature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Properties;

/**
 * Verifies the digital signatures of a PDF for the "signed" check.
 * <p>
 * For each signature dictionary: the CMS signature ({@code adbe.pkcs7.detached}, {@code ETSI.CAdES.detached}, or
 * {@code adbe.pkcs7.sha1}) is checked against the signed byte ranges of the file with BouncyCastle: digest and
 * signature must match the signer's certificate, and the certificate must have been valid at the signing time.
 * Decided on purpose: the certificate's trust chain, revocation and qualified status are NOT checked, so "valid"
 * means "unchanged since signed by the holder of this certificate", not "signed by someone trusted".
 */
public final class CmsSignatureVerifier {

    private static final String LENIENT_INTEGERS = "org.bouncycastle.asn1.allow_unsafe_integer";
    private static final COSName PKCS7_SHA1 = COSName.getPDFName("adbe.pkcs7.sha1");
    private static final COSName X509_RSA_SHA1 = COSName.getPDFName("adbe.x509.rsa_sha1");

    private final Path file;
    private final long fileLength;

    private CmsSignatureVerifier(Path file, long fileLength) {
        this.file = file;
        this.fileLength = fileLength;
    }

    /** Every signature of the document; never throws (a signature that cannot be read is reported invalid). */
    public static List<DocumentSignature> verifyAll(PDDocument document, Path file) {
        List<DocumentSignature> result = new ArrayList<>();
        try {
            CmsSignatureVerifier check = new CmsSignatureVerifier(file, Files.size(file));
            for (PDSignatureField field : document.getSignatureFields()) {
                PDSignature signature = field.getSignature();
                if (signature != null) {
                    result.add(check.verify(signature).onPage(page(document, field)));
                }
            }
        } catch (IOException | RuntimeException e) {
            return result;
        }
        return result;
    }

    /**
     * The 1-based page the field's first widget is on: its {@code /P} entry when it names a page of the document,
     * else the page whose annotations hold the widget; null when no page shows it.
     */
    private static Integer page(PDDocument document, PDSignatureField field) {
        try {
            for (PDAnnotationWidget widget : field.getWidgets()) {
                PDPage declared = widget.getPage();
                int index = declared == null ? -1 : document.getPages().indexOf(declared);
                if (index >= 0) {
                    return index + 1;
                }
                int number = 1;
                for (PDPage page : document.getPages()) {
                    for (PDAnnotation annotation : page.getAnnotations()) {
                        if (annotation.getCOSObject() == widget.getCOSObject()) {
                            return number;
                        }
                    }
                    number++;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** The CMS structure at the start of the value: the hex string is padded with zeros after it. */
    private static ContentInfo contentInfo(byte[] value) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(value)) {
            ASN1Primitive structure = in.readObject();
            if (structure == null) {
                throw new IOException("empty signature value");
            }
            return ContentInfo.getInstance(structure);
        }
    }

    private DocumentSignature verify(PDSignature signature) {
        String name = signature.getName();
        Instant declared = instant(signature.getSignDate());
        try {
            SignedByteRange range = SignedByteRange.of(file, fileLength, signature.getByteRange());
            if (range == null) {
                return new DocumentSignature(signer(null, name), declared, false, false,
                        "The signature's byte range is damaged, so it cannot be verified.", null);
            }
            boolean whole = range.coversWholeFile();
            byte[] value = range.signatureValue();
            if (X509_RSA_SHA1.equals(signature.getCOSObject().getCOSName(COSName.SUB_FILTER))) {
                return new DocumentSignature(signer(null, name), declared, whole, false,
                        "The signature uses the old adbe.x509.rsa_sha1 format, which is not verified.", null);
            }
            return leniently(() -> verifyCms(signature, range, value == null ? signature.getContents() : value, whole,
                    name, declared));
        } catch (IOException | RuntimeException e) {
            return new DocumentSignature(signer(null, name), declared, false, false,
                    "The signature could not be read.", null);
        }
    }

    /**
     * Old signers (iText 2) wrote integers with superfluous leading zeros, which BouncyCastle refuses by default;
     * readers accept them, so we do too, for this thread and this verification only.
     */
    private static DocumentSignature leniently(Verification verification) throws IOException {
        Properties.setThreadOverride(LENIENT_INTEGERS, true);
        try {
            return verification.run();
        } finally {
            Properties.removeThreadOverride(LENIENT_INTEGERS);
        }
    }

    @FunctionalInterface
    private interface Verification {
        DocumentSignature run() throws IOException;
    }

    private DocumentSignature verifyCms(PDSignature signature, SignedByteRange range, byte[] value, boolean whole,
                                        String name, Instant declared) throws IOException {
        boolean sha1 = PKCS7_SHA1.equals(signature.getCOSObject().getCOSName(COSName.SUB_FILTER));
        X509CertificateHolder certificate = null;
        Instant signedAt = declared;
        String problem = whole ? null : "The document was changed after this signature was applied: later changes are not covered.";
        boolean valid = false;
        try {
            ContentInfo content = contentInfo(value);
            CMSSignedData cms = sha1 ? new CMSSignedData(content) : new CMSSignedData(range, content);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            signedAt = signingTime(signer, declared);
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return new DocumentSignature(signer(null, name), signedAt, whole, false,
                        join(problem, "The signer's certificate is not included in the signature."), null);
            }
            certificate = matches.iterator().next();
            valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.PROVIDER).build(certificate))
                    && (!sha1 || encapsulatedDigestMatches(cms, range));
            if (!valid) {
                problem = join(problem, "The signature does not match the signed content: the document was changed after signing.");
            }
        } catch (CMSSignerDigestMismatchException e) {
            problem = join(problem, "The signature does not match the signed content: the document was changed after signing.");
        } catch (CMSVerifierCertificateNotValidException e) {
            problem = join(problem, "The signer's certificate was not valid at the signing time.");
        } catch (CMSException | OperatorCreationException | CertificateException | NoSuchElementException e) {
            problem = join(problem, "The signature could not be verified: its data is damaged or in an unsupported format.");
        }
        return new DocumentSignature(signer(certificate, name), signedAt, whole, valid, problem, null);
    }

    private static boolean encapsulatedDigestMatches(CMSSignedData cms, SignedByteRange range) throws IOException {
        if (cms.getSignedContent() == null || !(cms.getSignedContent().getContent() instanceof byte[] digest)) {
            return false;
        }
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            range.write(new DigestOutputStream(OutputStream.nullOutputStream(), sha1));
            byte[] expected = sha1.digest();
            byte[] actual = digest.length == expected.length ? digest : ASN1OctetString.getInstance(digest).getOctets();
            return Arrays.equals(expected, actual);
        } catch (NoSuchAlgorithmException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Signing time from the signed attributes, else from a signature timestamp, else what the PDF declares. */
    private static Instant signingTime(SignerInformation signer, Instant declared) {
        AttributeTable signed = signer.getSignedAttributes();
        Attribute time = signed == null ? null : signed.get(CMSAttributes.signingTime);
        if (time != null && time.getAttrValues().size() > 0) {
            return Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant();
        }
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute stamp = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (stamp != null && stamp.getAttrValues().size() > 0) {
            try {
                ASN1Encodable token = stamp.getAttrValues().getObjectAt(0);
                return new TimeStampToken(ContentInfo.getInstance(token)).getTimeStampInfo().getGenTime().toInstant();
            } catch (Exception e) { // TSPException, IOException, malformed ASN.1: fall back to the declared time
                return declared;
            }
        }
        return declared;
    }

    private static String signer(X509CertificateHolder certificate, String name) {
        if (certificate != null) {
            RDN[] commonNames = certificate.getSubject().getRDNs(BCStyle.CN);
            if (commonNames.length > 0) {
                ASN1Encodable value = commonNames[0].getFirst().getValue();
                return value instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(value);
            }
            return certificate.getSubject().toString();
        }
        return name == null || name.isBlank() ? "unknown signer" : name;
    }

    private static Instant instant(Calendar calendar) {
        return calendar == null ? null : calendar.toInstant();
    }

    private static String join(String first, String second) {
        return first == null ? second : first + " " + second;
    }

    /** BouncyCastle as a provider instance, created on first use and never registered globally. */
    private static final class Crypto {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}

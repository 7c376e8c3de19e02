package com.qteria.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.qteria.document.extraction.GeneratedPdfs;
import com.qteria.document.extraction.ocr.Ocr;
import com.qteria.document.extraction.pdf.HostilePdfs;
import com.qteria.document.job.DocumentReader;
import com.qteria.document.persistence.Documents;
import com.qteria.document.storage.DocumentIntegrityException;
import com.qteria.document.storage.EncryptedStorage;
import com.qteria.document.storage.StoredObject;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.StringUtils;

/** The reading job ends every document ready or rejected with a reason a handler understands. */
@QteriaTest
class DocumentReaderTests {

    @Autowired
    DocumentReader reader;
    @Autowired
    Documents documents;
    @Autowired
    EncryptedStorage storage;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    TestData data;
    @Autowired
    MeterRegistry meters;

    @Test
    void aPasswordProtectedPdfIsRejectedWithTheReasonAndAnOwnerPasswordOnlyOneIsRead() throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        String locked = uploaded.upload(token, "locked.pdf", encrypted("user-secret"));
        String ownerOnly = uploaded.upload(token, "owner-only.pdf", encrypted(""));
        assertThat(uploaded.awaitRead(token, locked)).isEqualTo("rejected");
        assertThat(documents.findForProcessing(new DocumentId(UUID.fromString(locked))).orElseThrow().error())
                .isEqualTo("It is password-protected. Upload an unprotected copy.");
        assertThat(uploaded.awaitRead(token, ownerOnly)).isEqualTo("ready");
    }

    @Test
    void aScannedPageIsReadByOcrAndCountedAsSuch() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        assumeTrue(ci || Ocr.detect().available(), "tesseract is not installed");
        double ocrPagesBefore = meters.counter("qteria.extraction.ocr.pages").count();
        double pagesBefore = meters.counter("qteria.extraction.pages").count();
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        String id = uploaded.upload(token, "scanned.pdf", GeneratedPdfs.pdf(
                page -> page.text(72, 100, 12, "Cover page with a text layer"),
                page -> page.image(GeneratedPdfs.scan(List.of("Certificate of Conformity", "Pruefbericht Nummer 4711")),
                        0, 0, 595, 288)));

        assertThat(uploaded.awaitRead(token, id)).isEqualTo("ready");
        // At least: documents of other tests in this shared application may finish meanwhile.
        assertThat(meters.counter("qteria.extraction.ocr.pages").count() - ocrPagesBefore).isGreaterThanOrEqualTo(1.0);
        assertThat(meters.counter("qteria.extraction.pages").count() - pagesBefore).isGreaterThanOrEqualTo(2.0);
    }

    @Test
    void aFileThatIsNotReallyAPdfIsRejectedWithAPlainReason() throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        String id = uploaded.upload(token, "broken.pdf", "%PDF-1.7\n1 0 obj garbage".getBytes());
        assertThat(uploaded.awaitRead(token, id)).isEqualTo("rejected");
        String error = documents.findForProcessing(new DocumentId(UUID.fromString(id))).orElseThrow().error();
        assertThat(error).isNotBlank().doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void aTamperedStoredObjectEndsRejectedWithTheIntegrityError(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("t.pdf");
        Files.write(file, SamplePdfs.pdf("Will be tampered with"));
        StoredObject stored = storage.store(file);
        Document document = Document.upload(new Document.Original(data.newTenant().id(), "t.pdf",
                DocumentType.PDF.mediaType(), Files.size(file), "0".repeat(64), null, Instant.now()), stored);
        Path raw;
        try (var files = Files.walk(uploaded.storageRoot())) {
            raw = files.filter(p -> p.getFileName().toString().equals(stored.key())).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(raw);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(raw, bytes);
        documents.insert(document); // after the tampering: the dispatch tick may start reading it at once

        reader.read(document.id().value());

        Document after = documents.findForProcessing(document.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(after.error()).isEqualTo(DocumentIntegrityException.MESSAGE);
        assertThat(documents.pages(document.id().value(), 1, 10)).isEmpty();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aHostileFileEndsWithItsWarningSaidOnceInTheLogAndLittleElse(CapturedOutput output) throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        int before = output.length();
        String id = uploaded.upload(token, "recursive-forms.pdf", HostilePdfs.recursiveForms());

        assertThat(uploaded.awaitRead(token, id)).isEqualTo("ready");

        String warning = "Page 1 draws itself recursively; its repeated content was skipped.";
        assertThat(documents.findForProcessing(new DocumentId(UUID.fromString(id))).orElseThrow().warnings())
                .containsExactly(warning);
        String logged = output.toString().substring(before);
        assertThat(logged.length()).as("characters logged").isLessThan(100_000);
        assertThat(StringUtils.countOccurrencesOf(logged, warning)).as("times the warning is logged").isOne();
        assertThat(logged).contains(id).doesNotContain("recursion is too deep");
    }

    @Test
    void aDocumentThatIsNoLongerProcessingIsLeftAlone() throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        String id = uploaded.upload(token, "once.pdf", SamplePdfs.pdf("Read once"));
        uploaded.awaitRead(token, id);
        reader.read(UUID.fromString(id));
        reader.read(UUID.randomUUID());
        assertThat(documents.pages(UUID.fromString(id), 1, 10)).hasSize(1);
    }

    private static byte[] encrypted(String userPassword) throws Exception {
        try (PDDocument document = Loader.loadPDF(SamplePdfs.pdf("Protected content"));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }
}

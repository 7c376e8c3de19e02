package com.qteria.document.extraction.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.document.extraction.Extractions;
import com.qteria.document.extraction.GeneratedPdfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encrypted PDFs: a password to open them is a rejection; restrictions under an owner password are not. */
class ProtectedPdfTests {

    @TempDir
    Path directory;

    @Test
    void rejectsAPdfThatNeedsAPasswordToOpen() throws IOException {
        Path file = protectedPdf("owner-secret", "open-secret");

        assertThat(Extractions.pdf(file).rejection()).isEqualTo("It is password-protected. Upload an unprotected copy.");
    }

    @Test
    void readsAPdfWithOnlyAnOwnerPassword() throws IOException {
        Path file = protectedPdf("owner-secret", "");

        Extractions result = Extractions.pdf(file);

        assertThat(result.extracted().pages()).isEqualTo(1);
        assertThat(result.text(1)).isEqualTo("Confidential test report: copying is not permitted.");
    }

    private Path protectedPdf(String ownerPassword, String userPassword) throws IOException {
        AccessPermission permissions = new AccessPermission();
        permissions.setCanExtractContent(false);
        permissions.setCanPrint(false);
        byte[] pdf = GeneratedPdfs.pdf(document -> {
            StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            try {
                document.protect(policy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, 0, page -> page.text(72, 100, 12, "Confidential test report: copying is not permitted."));
        return GeneratedPdfs.write(directory, "protected.pdf", pdf);
    }
}

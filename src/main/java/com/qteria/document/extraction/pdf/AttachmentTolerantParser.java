package com.qteria.document.extraction.pdf;

import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.encryption.PDEncryption;

/**
 * PDFBox's parser (what {@code Loader.loadPDF} uses), with temp-file stream buffering, plus one tolerance: a file
 * whose password protects only its attached files ({@code /EFF}, with pages and strings unencrypted) is opened
 * without the password. Its pages are readable to anyone; only the attachments, which we never read, are locked.
 */
final class AttachmentTolerantParser extends PDFParser {

    private static final COSName EMBEDDED_FILE_FILTER = COSName.getPDFName("EFF");

    private boolean attachmentsLocked;

    private AttachmentTolerantParser(RandomAccessRead source) throws IOException {
        super(source, "", null, null, IOUtils.createTempFileOnlyStreamCache());
    }

    static PDDocument open(RandomAccessRead source) throws IOException {
        return new AttachmentTolerantParser(source).parse();
    }

    @Override
    protected void prepareDecryption() throws IOException {
        try {
            super.prepareDecryption();
        } catch (InvalidPasswordException e) {
            if (!onlyAttachmentsEncrypted(getEncryption())) {
                throw e;
            }
            securityHandler = null;
            attachmentsLocked = true;
        }
    }

    @Override
    protected AccessPermission getAccessPermission() throws IOException {
        return attachmentsLocked ? AccessPermission.getOwnerAccessPermission() : super.getAccessPermission();
    }

    private static boolean onlyAttachmentsEncrypted(PDEncryption encryption) {
        return encryption != null && encryption.getVersion() >= 4
                && encryption.getCOSObject().containsKey(EMBEDDED_FILE_FILTER)
                && COSName.IDENTITY.equals(encryption.getStreamFilterName())
                && COSName.IDENTITY.equals(encryption.getStringFilterName());
    }
}

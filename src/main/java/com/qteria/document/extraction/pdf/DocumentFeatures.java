package com.qteria.document.extraction.pdf;

import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;

/**
 * Parts of a PDF whose content is not on its pages, so the page text misses it: dynamic XFA forms (the page is a
 * "please wait" placeholder), portfolios and attached files. We do not read them (an attachment may be anything);
 * the handler is told, so that nothing is missed silently.
 */
final class DocumentFeatures {

    private static final int MAX_NAME_TREE_DEPTH = 16;

    private DocumentFeatures() {
    }

    static void note(PDDocument document, ExtractionWarnings warnings) {
        try {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            PDAcroForm form = catalog.getAcroForm(null);
            if (form != null && form.xfaIsDynamic()) {
                warnings.document("The document is a dynamic XFA form: its pages show only a placeholder and the "
                        + "form's content was not read. Upload a printed or flattened PDF of the form.");
            }
            int attachments = attachments(catalog);
            if (catalog.getCOSObject().containsKey(COSName.getPDFName("Collection"))) {
                warnings.document("The document is a PDF portfolio" + (attachments > 0 ? " of " + attachments
                        + " files" : "") + ": only its cover page was read. Upload the files it contains separately.");
            } else if (attachments > 0) {
                warnings.document(attachments == 1 ? "The document has an attached file; it was not read."
                        : "The document has " + attachments + " attached files; they were not read.");
            }
        } catch (IOException | RuntimeException e) {
            // Features are hints for the handler: a damaged catalog must not stop the extraction.
        }
    }

    private static int attachments(PDDocumentCatalog catalog) throws IOException {
        PDDocumentNameDictionary names = catalog.getNames();
        return names == null || names.getEmbeddedFiles() == null ? 0 : count(names.getEmbeddedFiles(), 0);
    }

    private static int count(PDNameTreeNode<?> node, int depth) throws IOException {
        if (depth > MAX_NAME_TREE_DEPTH) {
            return 0;
        }
        Map<String, ?> here = node.getNames();
        int count = here == null ? 0 : here.size();
        if (node.getKids() != null) {
            for (PDNameTreeNode<?> kid : node.getKids()) {
                count += count(kid, depth + 1);
            }
        }
        return count;
    }
}

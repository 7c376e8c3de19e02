package com.qteria.document.extraction.docx;

import com.qteria.document.extraction.Deadline;
import com.qteria.document.extraction.ExtractedPage;
import com.qteria.document.extraction.ExtractionLimits;
import com.qteria.document.extraction.ExtractionOutcome.Cause;
import com.qteria.document.extraction.ExtractionOutcome.Extracted;
import com.qteria.document.extraction.ExtractionOutcome.Rejected;
import com.qteria.document.extraction.ExtractionOutcome;
import com.qteria.document.extraction.PageSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;

/**
 * Text of a Word (DOCX) document through Apache POI. A DOCX has no pages until Word lays it out, so we choose a
 * page model (see docs/extraction.md):
 * <ul>
 * <li>a new page starts at an explicit page break ({@code <w:br w:type="page"/>}, "page break before" on a
 * paragraph) and at each {@code <w:lastRenderedPageBreak/>}, where Word's last layout put a page break; so a
 * document last saved by Word gets Word's pages, others get their explicit breaks only;</li>
 * <li>body paragraphs and tables in document order; a paragraph ends with a blank line, a table row is one line
 * with cells separated by tabs; text boxes and content controls are read where they are anchored;</li>
 * <li>headers once, at the start of the first page; footnotes, endnotes and footers once, at the end of the last
 * (a header used for the first page and for the others alike is read once);</li>
 * <li>deleted (tracked) text and field codes are left out; inserted text and field results are kept.</li>
 * </ul>
 * There are no word positions ({@link ExtractedPage#words()} is empty). A file that unpacks to more than
 * {@link ExtractionLimits#maxUnpackedBytes()} is rejected before it is parsed ({@link UnpackedSize}); a page keeps
 * little more text than {@link ExtractionLimits#maxPageCharacters()}, which the extractor then cuts with a warning.
 */
public final class DocxExtraction {

    static final String DAMAGED = "The file is damaged and cannot be read as a Word document. Save it "
            + "again in Word and upload the new copy.";
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final QName TYPE = new QName(W, "type");

    private final Path file;
    private final ExtractionLimits limits;
    private final Deadline deadline;
    private final PageSink sink;
    private final DocxPages pages;

    public DocxExtraction(Path file, ExtractionLimits limits, Deadline deadline, PageSink sink) {
        this.file = file;
        this.limits = limits;
        this.deadline = deadline;
        this.sink = sink;
        this.pages = new DocxPages(limits.maxPageCharacters());
    }

    public ExtractionOutcome run() throws IOException {
        List<String> texts;
        try {
            if (!UnpackedSize.atMost(file, limits.maxUnpackedBytes(), deadline)) {
                return new Rejected(Cause.TOO_LARGE, UnpackedSize.reason(limits.maxUnpackedBytes()));
            }
            OPCPackage opc = OPCPackage.open(file.toFile(), PackageAccess.READ);
            try {
                texts = read(new XWPFDocument(opc));
            } finally {
                opc.revert();
            }
        } catch (InvalidFormatException | POIXMLException | IllegalArgumentException | IllegalStateException
                 | UnsupportedOperationException | ClassCastException e) {
            return new Rejected(Cause.UNREADABLE, DAMAGED);
        } catch (IOException e) {
            if (!Files.isReadable(file)) {
                throw e;
            }
            return new Rejected(Cause.UNREADABLE, DAMAGED);
        }
        if (texts.size() > limits.maxPages()) {
            return new Rejected(Cause.TOO_LARGE, String.format(Locale.ROOT,
                    "The document has %,d pages and Qteria reads at most %,d."
                    + " Split it into smaller files and upload those.",
                    texts.size(), limits.maxPages()));
        }
        for (int i = 0; i < texts.size(); i++) {
            sink.accept(new ExtractedPage(i + 1, texts.get(i), false, false, List.of()));
        }
        return new Extracted(texts.size(), List.of(), List.of());
    }

    private List<String> read(XWPFDocument document) {
        Set<String> seen = new HashSet<>();
        document.getHeaderList().stream().filter(header -> seen.add(header.getText().strip()))
                .forEach(header -> block(header.getBodyElements()));
        pages.paragraph();
        block(document.getBodyElements());
        pages.paragraph();
        document.getFootnotes().forEach(note -> block(note.getBodyElements()));
        document.getEndnotes().forEach(note -> block(note.getBodyElements()));
        pages.paragraph();
        seen.clear();
        document.getFooterList().stream().filter(footer -> seen.add(footer.getText().strip()))
                .forEach(footer -> block(footer.getBodyElements()));
        return pages.pages();
    }

    private void block(List<IBodyElement> elements) {
        for (IBodyElement element : elements) {
            deadline.check();
            switch (element) {
                case XWPFParagraph paragraph -> paragraph(paragraph);
                case XWPFTable table -> table(table);
                case XWPFSDT control -> {
                    pages.text(control.getContent().getText());
                    pages.paragraph();
                }
                default -> {
                }
            }
        }
    }

    private void paragraph(XWPFParagraph paragraph) {
        if (paragraph.isPageBreak()) {
            pages.pageBreak();
        }
        try (XmlCursor cursor = paragraph.getCTP().newCursor()) {
            children(cursor);
        }
        endParagraph();
    }

    private void endParagraph() {
        if (pages.inTable()) {
            pages.space();
        } else {
            pages.paragraph();
        }
    }

    private void table(XWPFTable table) {
        pages.paragraph();
        for (XWPFTableRow row : table.getRows()) {
            pages.startRow();
            for (XWPFTableCell cell : row.getTableCells()) {
                pages.tab();
                block(cell.getBodyElements());
            }
            pages.endRow();
        }
        pages.paragraph();
    }

    /** Walks the children of the element at the cursor, in document order. */
    private void children(XmlCursor cursor) {
        if (!cursor.toFirstChild()) {
            return;
        }
        do {
            element(cursor);
        } while (cursor.toNextSibling());
        cursor.toParent();
    }

    private void element(XmlCursor cursor) {
        QName name = cursor.getName();
        boolean word = W.equals(name.getNamespaceURI());
        switch (name.getLocalPart()) {
            case "t" -> {
                if (word) {
                    pages.text(cursor.getTextValue());
                }
            }
            case "tab", "ptab" -> pages.tab();
            case "br" -> lineOrPageBreak(cursor.getAttributeText(TYPE));
            case "cr" -> pages.lineBreak();
            case "lastRenderedPageBreak" -> pages.pageBreak();
            case "noBreakHyphen" -> pages.text("-");
            case "p" -> {
                children(cursor);
                endParagraph();
            }
            case "tr" -> {
                pages.startRow();
                children(cursor);
                pages.endRow();
            }
            case "tc" -> {
                pages.tab();
                children(cursor);
            }
            case "AlternateContent" -> firstChoice(cursor);
            case "pPr", "rPr", "tblPr", "trPr", "tcPr", "sectPr", "del", "moveFrom", "delText", "instrText",
                 "fldChar", "softHyphen" -> {
            }
            default -> children(cursor);
        }
    }

    private void lineOrPageBreak(String type) {
        if ("page".equals(type)) {
            pages.pageBreak();
        } else if ("column".equals(type)) {
            pages.paragraph();
        } else {
            pages.lineBreak();
        }
    }

    /** Markup-compatibility blocks hold the same content twice (modern and fallback): read the first only. */
    private void firstChoice(XmlCursor cursor) {
        if (cursor.toFirstChild()) {
            children(cursor);
            cursor.toParent();
        }
    }
}

package com.qteria.document.extraction.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Hostile PDFs built by the tests (issue 11): forms that draw each other, page trees that loop or nest a thousand
 * levels deep, an image that declares 46,000 × 46,000 pixels. Small files that used to cost gigabytes of log or
 * memory.
 */
public final class HostilePdfs {

    static final COSName FONT = COSName.getPDFName("F1");

    private HostilePdfs() {
    }

    /**
     * One page that shows a line of text and draws form A; form A shows its own line and draws form B twice, which
     * draws form A twice: an endless recursion that doubles at every level (PDFBox's own depth limit of 50 still
     * leaves 2^50 drawings, each logged).
     */
    public static byte[] recursiveForms() {
        return build(document -> {
            PDPage page = textPage(document, "Text on the page");
            PDFormXObject a = form(document, "BT /F1 12 Tf 72 700 Td (Text in form A) Tj ET /FmB Do /FmB Do");
            PDFormXObject b = form(document, "/FmA Do /FmA Do");
            a.getResources().put(COSName.getPDFName("FmB"), b);
            b.getResources().put(COSName.getPDFName("FmA"), a);
            page.getResources().put(COSName.getPDFName("FmA"), a);
            append(document, page, "/FmA Do");
        });
    }

    /**
     * Forms F0 … F(levels-1), each drawing the next one twice (no recursion, but 2^levels drawings), the last one
     * showing a line of text; the page shows a line of its own and draws F0.
     */
    static byte[] nestedForms(int levels) {
        return build(document -> {
            PDPage page = textPage(document, "Text on the page");
            PDFormXObject next = form(document, "BT /F1 12 Tf 72 700 Td (Text in the last form) Tj ET");
            for (int level = levels - 2; level >= 0; level--) {
                PDFormXObject form = form(document, "/Next Do /Next Do");
                form.getResources().put(COSName.getPDFName("Next"), next);
                next = form;
            }
            page.getResources().put(COSName.getPDFName("Next"), next);
            append(document, page, "/Next Do");
        });
    }

    /**
     * {@code pages} pages that share one content stream: a line of text, then {@code operators} cheap operators
     * (setting the fill colour), then another line.
     */
    static byte[] manyOperators(int pages, int operators) {
        return build(document -> {
            COSStream content = document.getDocument().createCOSStream();
            try (OutputStream out = new DeflaterOutputStream(content.createRawOutputStream())) {
                out.write("BT /F1 12 Tf 72 770 Td (Text before) Tj ET\n".getBytes(StandardCharsets.US_ASCII));
                byte[] operator = "0 g\n".getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < operators; i++) {
                    out.write(operator);
                }
                out.write("BT /F1 12 Tf 72 700 Td (Text after) Tj ET\n".getBytes(StandardCharsets.US_ASCII));
            }
            content.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            for (int i = 0; i < pages; i++) {
                PDPage page = textPage(document, "");
                page.getCOSObject().setItem(COSName.CONTENTS, content);
            }
        });
    }

    /** Pages 1 to 3 with text; the root's second kid is a node whose kids are page 2, the root itself, and page 3. */
    public static byte[] pageTreeLoop() {
        return build(document -> {
            PDPage first = textPage(document, "Page one");
            PDPage second = textPage(document, "Page two");
            PDPage third = textPage(document, "Page three");
            COSDictionary root = document.getPages().getCOSObject();
            COSDictionary node = pagesNode(root, second.getCOSObject(), root, third.getCOSObject());
            root.setItem(COSName.KIDS, kids(first.getCOSObject(), node));
            root.setInt(COSName.COUNT, 3);
            second.getCOSObject().setItem(COSName.PARENT, node);
            third.getCOSObject().setItem(COSName.PARENT, node);
        });
    }

    /** A page with text below {@code levels} nested page-tree nodes, after a page with text at the top. */
    static byte[] deepPageTree(int levels) {
        return build(document -> {
            PDPage top = textPage(document, "Top page");
            PDPage deep = textPage(document, "Deep page");
            COSDictionary root = document.getPages().getCOSObject();
            COSDictionary child = deep.getCOSObject();
            for (int level = 0; level < levels; level++) {
                COSDictionary node = pagesNode(null, child);
                child.setItem(COSName.PARENT, node);
                child = node;
            }
            child.setItem(COSName.PARENT, root);
            root.setItem(COSName.KIDS, kids(top.getCOSObject(), child));
            root.setInt(COSName.COUNT, 2);
        });
    }

    /**
     * A page without text that draws one grey image declaring {@code width} × {@code height} pixels, whose Flate
     * stream holds only the first {@code rows} rows (of zeros): small on disk, gigabytes once decoded.
     */
    public static byte[] largeImage(int width, int height, int rows) {
        return build(document -> {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            page.setResources(new PDResources());
            COSStream image = document.getDocument().createCOSStream();
            image.setItem(COSName.TYPE, COSName.XOBJECT);
            image.setItem(COSName.SUBTYPE, COSName.IMAGE);
            image.setInt(COSName.WIDTH, width);
            image.setInt(COSName.HEIGHT, height);
            image.setInt(COSName.BITS_PER_COMPONENT, 8);
            image.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
            image.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            try (OutputStream raw = image.createRawOutputStream();
                 DeflaterOutputStream out = new DeflaterOutputStream(raw)) {
                byte[] row = new byte[width];
                for (int i = 0; i < rows; i++) {
                    out.write(row);
                }
            }
            page.getResources().getCOSObject().setItem(COSName.XOBJECT, dictionary(COSName.getPDFName("Im1"), image));
            append(document, page, "q 595 0 0 842 0 0 cm /Im1 Do Q");
        });
    }

    private interface Builder {
        void build(PDDocument document) throws IOException;
    }

    private static byte[] build(Builder builder) {
        try (PDDocument document = new PDDocument()) {
            builder.build(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDPage textPage(PDDocument document, String text) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        PDResources resources = new PDResources();
        resources.put(FONT, new PDType1Font(Standard14Fonts.FontName.HELVETICA));
        page.setResources(resources);
        append(document, page, "BT /F1 12 Tf 72 770 Td (" + text + ") Tj ET");
        return page;
    }

    private static PDFormXObject form(PDDocument document, String content) throws IOException {
        PDFormXObject form = new PDFormXObject(document);
        form.setBBox(PDRectangle.A4);
        PDResources resources = new PDResources();
        resources.put(FONT, new PDType1Font(Standard14Fonts.FontName.HELVETICA));
        form.setResources(resources);
        try (OutputStream out = form.getContentStream().createOutputStream()) {
            out.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        return form;
    }

    private static void append(PDDocument document, PDPage page, String content) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        byte[] previous = page.getContents() == null ? new byte[0] : page.getContents().readAllBytes();
        try (OutputStream out = stream.createOutputStream()) {
            out.write(previous);
            out.write(("\n" + content + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        page.getCOSObject().setItem(COSName.CONTENTS, stream);
    }

    private static COSDictionary pagesNode(COSDictionary parent, COSDictionary... kids) {
        COSDictionary node = new COSDictionary();
        node.setItem(COSName.TYPE, COSName.PAGES);
        node.setItem(COSName.KIDS, kids(kids));
        node.setItem(COSName.COUNT, COSInteger.get(kids.length));
        if (parent != null) {
            node.setItem(COSName.PARENT, parent);
        }
        return node;
    }

    private static COSArray kids(COSDictionary... kids) {
        COSArray array = new COSArray();
        for (COSDictionary kid : kids) {
            array.add(kid);
        }
        return array;
    }

    private static COSDictionary dictionary(COSName key, COSStream value) {
        COSDictionary dictionary = new COSDictionary();
        dictionary.setItem(key, value);
        return dictionary;
    }
}

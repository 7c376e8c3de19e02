package com.qteria.document.extraction.pdf;

import com.qteria.document.extraction.Deadline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * The work one document may cost, counted rather than timed, so that a hostile file ends within seconds instead of
 * at the deadline (or never): content-stream operators per page and per document, form XObjects per page and how
 * deeply they nest, and the pixels of the images a page would decode. A form drawn while it is already being drawn
 * (form A draws form B, which draws A) is skipped: its content has been read once. The text pass and the rendering
 * for OCR share one budget; each pass over a page starts with {@link #startPage()}, and {@link #page()} says what
 * the pass ran into.
 */
final class ContentBudget {

    /**
     * Far beyond any real page (a dense page of text has a few thousand, a detailed plan a few hundred thousand);
     * PDFBox processes about a million a second.
     */
    static final int MAX_OPERATORS_PER_PAGE = 2_000_000;
    /** Counted over every pass (text and rendering) of every page: 2,000 pages of 10,000 operators. */
    static final long MAX_OPERATORS_PER_DOCUMENT = 20_000_000;
    static final int MAX_FORMS_PER_PAGE = 10_000;
    /** Below PDFBox's own limit of 50, which logs an error for every form it skips. */
    static final int MAX_FORM_DEPTH = 32;
    /** 100 megapixels: an A3 scan at 600 dpi is 70. */
    static final long MAX_IMAGE_PIXELS = 100_000_000;
    static final long MAX_PAGE_IMAGE_PIXELS = 200_000_000;

    /** What one pass over a page ran into. */
    record PageReport(boolean recursive, boolean tooComplex, boolean oversizedImages) {
    }

    /** A page has more operators than {@value #MAX_OPERATORS_PER_PAGE}: the pass over it ends. */
    static final class PageExceeded extends RuntimeException {
        PageExceeded() {
            super("page operator budget exceeded", null, false, false);
        }
    }

    /** The document has more operators than {@value #MAX_OPERATORS_PER_DOCUMENT}: reading it ends. */
    static final class DocumentExceeded extends RuntimeException {
        DocumentExceeded() {
            super("document operator budget exceeded", null, false, false);
        }
    }

    private final Deadline deadline;
    /** The forms being drawn, outermost first (identity: a parsed PDF has one object per indirect stream). */
    private final List<COSBase> forms = new ArrayList<>();
    private long documentOperators;
    private int pageOperators;
    private int pageForms;
    private long pageImagePixels;
    private boolean recursive;
    private boolean tooComplex;
    private boolean oversizedImages;

    ContentBudget(Deadline deadline) {
        this.deadline = deadline;
    }

    void startPage() {
        forms.clear();
        pageOperators = 0;
        pageForms = 0;
        pageImagePixels = 0;
        recursive = false;
        tooComplex = false;
        oversizedImages = false;
    }

    PageReport page() {
        return new PageReport(recursive, tooComplex, oversizedImages);
    }

    void checkDeadline() {
        deadline.check();
    }

    /** Counts one operator; checks the deadline every 256. */
    void operator() {
        if ((++pageOperators & 0xFF) == 0) {
            deadline.check();
        }
        if (++documentOperators > MAX_OPERATORS_PER_DOCUMENT) {
            throw new DocumentExceeded();
        }
        if (pageOperators > MAX_OPERATORS_PER_PAGE) {
            tooComplex = true;
            throw new PageExceeded();
        }
    }

    /** Drawing a form's content; PDFBox's {@code super.showForm}, say. */
    interface FormDrawing {
        void draw() throws IOException;
    }

    /**
     * Draws a form (or transparency group) unless it is being drawn already (recursion), or the forms would nest
     * deeper than {@value #MAX_FORM_DEPTH} levels or exceed {@value #MAX_FORMS_PER_PAGE} on the page.
     */
    void form(COSBase form, FormDrawing drawing) throws IOException {
        for (COSBase outer : forms) {
            if (outer == form) {
                recursive = true;
                return;
            }
        }
        if (forms.size() >= MAX_FORM_DEPTH || ++pageForms > MAX_FORMS_PER_PAGE) {
            tooComplex = true;
            return;
        }
        forms.add(form);
        try {
            drawing.draw();
        } finally {
            forms.removeLast();
        }
    }

    /**
     * For the operators that draw images ({@code Do} of an image XObject, {@code BI}): whether the image may be
     * decoded (see below). True for every other operator.
     */
    boolean admitImage(Operator operator, List<COSBase> operands, PDResources resources) {
        COSDictionary image = switch (operator.getName()) {
            case "BI" -> operator.getImageParameters();
            case "Do" -> imageXObject(operands, resources);
            default -> null;
        };
        return image == null || admitImage(image);
    }

    /**
     * Whether an image may be decoded, judged by the size its dictionary declares (before anything is decoded): not
     * above {@value #MAX_IMAGE_PIXELS} pixels, nor once the page's images add up to {@value #MAX_PAGE_IMAGE_PIXELS}.
     */
    private boolean admitImage(COSDictionary image) {
        long pixels = pixels(image);
        if (pixels > MAX_IMAGE_PIXELS || pageImagePixels + pixels > MAX_PAGE_IMAGE_PIXELS) {
            oversizedImages = true;
            return false;
        }
        pageImagePixels += pixels;
        return true;
    }

    private static COSDictionary imageXObject(List<COSBase> operands, PDResources resources) {
        if (operands.isEmpty() || !(operands.getFirst() instanceof COSName name) || resources == null) {
            return null;
        }
        COSDictionary xobjects = resources.getCOSObject().getCOSDictionary(COSName.XOBJECT);
        return xobjects != null && xobjects.getDictionaryObject(name) instanceof COSStream stream
                && COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE)) ? stream : null;
    }

    /** Pixels as the image dictionary declares them, its masks included: what decoding it would allocate. */
    private static long pixels(COSDictionary image) {
        long pixels = declaredPixels(image);
        for (COSName mask : List.of(COSName.SMASK, COSName.MASK)) {
            if (image.getDictionaryObject(mask) instanceof COSStream stream) {
                pixels = Math.max(pixels, declaredPixels(stream));
            }
        }
        return pixels;
    }

    /** Width × height; inline images abbreviate the keys (/W, /H). Negative values count as absurdly large. */
    private static long declaredPixels(COSDictionary image) {
        long width = image.getLong(COSName.WIDTH, image.getLong(COSName.W, 0));
        long height = image.getLong(COSName.HEIGHT, image.getLong(COSName.H, 0));
        if (width < 0 || height < 0) {
            return Long.MAX_VALUE;
        }
        return Math.min(width, Integer.MAX_VALUE) * Math.min(height, Integer.MAX_VALUE);
    }
}

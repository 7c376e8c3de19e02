package com.qteria.document.extraction.pdf;

import com.qteria.document.extraction.ExtractionTimedOut;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationPopup;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * Runs PDFBox's text engine over one page and keeps the glyph positions, skipping the stock {@code writePage}
 * layout: {@link ReadingOrder} does that, faster and with columns and tables in mind. PDFBox still does the hard
 * parts per glyph (fonts, ToUnicode maps, /ActualText, diacritics).
 * <p>
 * It also enforces the deadline and the {@link ContentBudget} while operators are processed (skipping forms that
 * draw themselves), notes images and painted paths (for the OCR decision), and keeps going past a broken operator
 * instead of giving up the page.
 */
final class TextLayerReader extends PDFTextStripper {

    /** About 20 dense pages of text; beyond this a page is a bomb or garbage, and memory must stay bounded. */
    static final int MAX_GLYPHS = 100_000;
    private static final int MAX_OPERATOR_ERRORS = 1_000;
    /** Encoded content bytes beyond which a page without a single operator cannot be a blank page. */
    private static final long UNREADABLE_CONTENT = 32;

    private final ContentBudget budget;
    private int operators;
    private int shown;
    private int glyphs;
    private int operatorErrors;
    private boolean images;
    private float imageCoverage;
    private int paintedPaths;
    private boolean truncated;
    private float pageArea;
    private float cropX;
    private float cropY;
    /** While an annotation is drawn: its rectangle, outside which nothing is visible. */
    private PDRectangle clip;

    TextLayerReader(ContentBudget budget) {
        this.budget = budget;
        setSortByPosition(false);
        setShouldSeparateByBeads(false);
        // PDFBox's check for a glyph drawn twice (fake bold) costs a third of the time; Row does it cheaper.
        setSuppressDuplicateOverlappingText(false);
    }

    /** Reads the page; never throws for a broken page (what was read before the break is kept), only on timeout. */
    TextLayer read(PDPage page) {
        operators = 0;
        shown = 0;
        glyphs = 0;
        operatorErrors = 0;
        images = false;
        imageCoverage = 0;
        paintedPaths = 0;
        truncated = false;
        budget.startPage();
        boolean aborted = false;
        try {
            PDRectangle box = page.getCropBox();
            pageArea = Math.max(1, Math.abs(box.getWidth() * box.getHeight()));
            cropX = box.getLowerLeftX();
            cropY = box.getLowerLeftY();
            processPage(page);
        } catch (ExtractionTimedOut | ContentBudget.DocumentExceeded e) {
            throw e;
        } catch (ContentBudget.PageExceeded e) {
            // The budget notes it: what was read so far is kept.
        } catch (IOException | RuntimeException | StackOverflowError e) {
            aborted = true;
        }
        aborted |= operators == 0 && encodedContentLength(page) > UNREADABLE_CONTENT;
        return new TextLayer(collected(page), images, imageCoverage, paintedPaths, aborted, truncated,
                budget.page());
    }

    /**
     * Content that does not decode (a broken Flate stream) is read by PDFBox as empty, without an error: a page
     * with bytes of content but not a single operator is reported as damaged rather than as blank.
     */
    private static long encodedContentLength(PDPage page) {
        long length = 0;
        try {
            for (Iterator<PDStream> streams = page.getContentStreams(); streams.hasNext(); ) {
                length += Math.max(0, streams.next().getCOSObject().getLength());
            }
        } catch (RuntimeException e) {
            return 0;
        }
        return length;
    }

    private List<Glyph> collected(PDPage page) {
        List<Glyph> result = new ArrayList<>(Math.min(glyphs, MAX_GLYPHS));
        PageView view = null;
        for (List<TextPosition> article : getCharactersByArticle()) {
            for (TextPosition position : article) {
                String text = position.getUnicode();
                if (text != null && !text.isEmpty()) {
                    if (view == null) {
                        view = PageView.of(position.getRotation(), position.getPageWidth(), position.getPageHeight());
                    }
                    result.add(Glyph.of(position, view));
                }
            }
            article.clear();
        }
        return result;
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        operators++;
        budget.operator();
        budget.admitImage(operator, operands, getResources()); // noted only: text extraction decodes no image
        switch (operator.getName()) {
            case "Do" -> noteXObject(operands);
            case "BI" -> noteImage();
            case "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh" -> paintedPaths++;
            default -> {
            }
        }
        super.processOperator(operator, operands);
    }

    /**
     * The stock handler logs and rethrows most operator errors, which ends the page. A damaged operator (missing
     * operand, missing font or image) usually leaves the rest of the page readable, so we count it and go on.
     */
    @Override
    protected void operatorException(Operator operator, List<COSBase> operands, IOException e) throws IOException {
        if (++operatorErrors > MAX_OPERATOR_ERRORS) {
            throw e;
        }
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        if ((++shown & 0x3FF) == 0) {
            budget.checkDeadline();
        }
        if (clip != null && !clip.contains(text.getTextMatrix().getTranslateX() + cropX,
                text.getTextMatrix().getTranslateY() + cropY)) {
            return; // outside the form field's box: the viewer clips it away (a scrolled multi-line field)
        }
        if (++glyphs > MAX_GLYPHS) {
            truncated = true;
            return;
        }
        super.processTextPosition(text);
    }

    /**
     * Form fields, stamps and typewriter notes are drawn by their annotations' appearance streams, not by the page
     * content: read them as well, as a viewer shows them (a filled form's values live only there).
     */
    @Override
    protected void endPage(PDPage page) {
        List<PDAnnotation> annotations;
        try {
            annotations = page.getAnnotations();
        } catch (IOException | RuntimeException e) {
            return;
        }
        for (PDAnnotation annotation : annotations) {
            if (annotation.isHidden() || annotation.isNoView() || annotation instanceof PDAnnotationPopup
                    || annotation instanceof PDAnnotationLink) {
                continue;
            }
            try {
                clip = annotation.getRectangle();
                showAnnotation(annotation);
            } catch (ExtractionTimedOut | ContentBudget.DocumentExceeded e) {
                throw e;
            } catch (IOException | RuntimeException | StackOverflowError e) {
                operatorErrors++;
            } finally {
                clip = null;
            }
        }
    }

    @Override
    public void showForm(PDFormXObject form) throws IOException {
        budget.form(form.getCOSObject(), () -> super.showForm(form));
    }

    @Override
    protected void processTransparencyGroup(PDTransparencyGroup group) throws IOException {
        budget.form(group.getCOSObject(), () -> super.processTransparencyGroup(group));
    }

    /** Layout happens in {@link ReadingOrder}, outside PDFBox. */
    @Override
    protected void writePage() {
    }

    private void noteXObject(List<COSBase> operands) {
        PDResources resources = getResources();
        if (!operands.isEmpty() && operands.get(0) instanceof COSName name && resources != null
                && resources.isImageXObject(name)) {
            noteImage();
        }
    }

    private void noteImage() {
        images = true;
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
        float area = Math.abs(ctm.getScaleX() * ctm.getScaleY() - ctm.getShearX() * ctm.getShearY());
        imageCoverage = Math.max(imageCoverage, Math.min(1, area / pageArea));
    }
}

package com.qteria.document.extraction.pdf;

import com.qteria.document.extraction.Deadline;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * Renders pages to grayscale images for OCR, within bounds: 300 dpi, fewer for large pages so that no image exceeds
 * {@value #MAX_PIXELS} pixels (an A0 plan at 300 dpi would be 139 megapixels), and not at all for pages whose size
 * makes no sense (a 2^31-point MediaBox). Images larger than needed are subsampled while decoding. The deadline
 * is checked while operators are drawn, and images PDFBox cannot decode (JBIG2 and JPEG 2000 need extra plugins)
 * are noticed instead of silently leaving a blank page.
 */
final class PageRenderer {

    static final int MAX_PIXELS = 12_000_000;
    private static final float DPI = 300;
    private static final float MIN_DPI = 50;
    private static final float POINTS_PER_INCH = 72;

    /** A rendered page; {@code missingImages} when some image on it could not be decoded. */
    record Rendering(BufferedImage image, float dpi, boolean missingImages) {
    }

    private final GuardedRenderer renderer;

    PageRenderer(PDDocument document, Deadline deadline) {
        this.renderer = new GuardedRenderer(document, deadline);
        renderer.setSubsamplingAllowed(true);
    }

    /** The resolution to render at, or 0 when the page is too large to render sensibly. */
    static float dpi(PDPage page) {
        PDRectangle box = page.getCropBox();
        double inches = Math.abs((double) box.getWidth() * box.getHeight()) / (POINTS_PER_INCH * POINTS_PER_INCH);
        double longest = Math.max(Math.abs(box.getWidth()), Math.abs(box.getHeight())) / POINTS_PER_INCH;
        double dpi = Math.min(DPI, Math.sqrt(MAX_PIXELS / Math.max(inches, 1e-6)));
        if (!(dpi >= MIN_DPI) || longest * dpi > 30_000 || inches < 0.01) {
            return 0;
        }
        return (float) dpi;
    }

    Rendering render(int pageIndex, float dpi) throws IOException {
        renderer.missingImages = false;
        BufferedImage image = renderer.renderImageWithDPI(pageIndex, dpi, ImageType.GRAY);
        return new Rendering(image, dpi, renderer.missingImages);
    }

    private static final class GuardedRenderer extends PDFRenderer {

        private final Deadline deadline;
        private boolean missingImages;

        GuardedRenderer(PDDocument document, Deadline deadline) {
            super(document);
            this.deadline = deadline;
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            return new GuardedPageDrawer(parameters, this);
        }
    }

    private static final class GuardedPageDrawer extends PageDrawer {

        private final GuardedRenderer owner;
        private int operators;

        GuardedPageDrawer(PageDrawerParameters parameters, GuardedRenderer owner) throws IOException {
            super(parameters);
            this.owner = owner;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if ((++operators & 0xFF) == 0) {
                owner.deadline.check();
            }
            super.processOperator(operator, operands);
        }

        @Override
        protected void operatorException(Operator operator, List<COSBase> operands, IOException e) {
            if ("BI".equals(operator.getName()) || "Do".equals(operator.getName()) && !operands.isEmpty()
                    && operands.get(0) instanceof COSName image && getResources() != null
                    && getResources().isImageXObject(image)) {
                owner.missingImages = true;
            }
        }
    }
}

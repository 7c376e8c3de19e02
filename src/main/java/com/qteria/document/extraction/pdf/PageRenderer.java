package com.qteria.document.extraction.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * Renders pages to grayscale images for OCR, within bounds: 300 dpi, fewer for large pages so that no image exceeds
 * {@value #MAX_PIXELS} pixels (an A0 plan at 300 dpi would be 139 megapixels), and not at all for pages whose size
 * makes no sense (a 2^31-point MediaBox). Images larger than needed are subsampled while decoding; images whose
 * declared size is beyond the {@link ContentBudget} are not decoded at all. The deadline and the budget are checked
 * while operators are drawn (forms that draw themselves are skipped), and images that were skipped or that PDFBox
 * cannot decode (JBIG2 and JPEG 2000 need extra plugins) are noticed instead of silently leaving a blank page.
 */
final class PageRenderer {

    static final int MAX_PIXELS = 12_000_000;
    private static final float DPI = 300;
    private static final float MIN_DPI = 50;
    private static final float POINTS_PER_INCH = 72;

    /**
     * A rendered page; {@code missingImages} when some image on it could not be decoded, {@code oversizedImages} when
     * some image was too large to decode.
     */
    record Rendering(BufferedImage image, float dpi, boolean missingImages, boolean oversizedImages) {
    }

    private final GuardedRenderer renderer;

    PageRenderer(PDDocument document, ContentBudget budget) {
        this.renderer = new GuardedRenderer(document, budget);
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
        renderer.budget.startPage();
        BufferedImage image = renderer.renderImageWithDPI(pageIndex, dpi, ImageType.GRAY);
        return new Rendering(image, dpi, renderer.missingImages, renderer.budget.page().oversizedImages());
    }

    private static final class GuardedRenderer extends PDFRenderer {

        private final ContentBudget budget;
        private boolean missingImages;

        GuardedRenderer(PDDocument document, ContentBudget budget) {
            super(document);
            this.budget = budget;
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            return new GuardedPageDrawer(parameters, this);
        }
    }

    private static final class GuardedPageDrawer extends PageDrawer {

        private final GuardedRenderer owner;

        GuardedPageDrawer(PageDrawerParameters parameters, GuardedRenderer owner) throws IOException {
            super(parameters);
            this.owner = owner;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            owner.budget.operator();
            if (owner.budget.admitImage(operator, operands, getResources())) {
                super.processOperator(operator, operands);
            }
        }

        @Override
        public void showForm(PDFormXObject form) throws IOException {
            owner.budget.form(form.getCOSObject(), () -> super.showForm(form));
        }

        @Override
        protected void processTransparencyGroup(PDTransparencyGroup group) throws IOException {
            owner.budget.form(group.getCOSObject(), () -> super.processTransparencyGroup(group));
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

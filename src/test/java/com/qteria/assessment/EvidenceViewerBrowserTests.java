package com.qteria.assessment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.qteria.document.DocumentId;
import com.qteria.document.DocumentManagement;
import com.qteria.document.PageLayout;
import com.qteria.document.UploadedDocuments;
import com.qteria.document.WordBox;
import com.qteria.document.extraction.GeneratedPdfs;
import com.qteria.document.extraction.ocr.Ocr;
import com.qteria.evaluation.Evaluation;
import com.qteria.evaluation.Evidence;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.shared.TenantId;
import com.qteria.support.Browser;
import com.qteria.support.PageChecks;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowManagement;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12, acceptance 1 (the viewer's part), in a real Chromium: from the results, a click on an evidence line opens
 * the viewer at the right page, drawn by pdf.js under the strict Content-Security-Policy, with a highlight over the
 * quote's stored word boxes (from the text layer, or from Tesseract for a scanned page); zoom keeps it there, j/k go
 * to the next and previous evidence, and a page without stored boxes is highlighted from pdf.js's text layer. The screenshot is kept in {@code target/screenshots/}.
 */
@QteriaTest
class EvidenceViewerBrowserTests {

    private static final String QUOTE = "Test report according to IEC 62368-1:2018";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    DocumentManagement documents;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aClickOnEvidenceShowsItsPageWithTheQuoteHighlighted() throws Exception {
        EvidenceViewerPageTests.Assessed a = EvidenceViewerPageTests.assessed(mvc, data, uploaded, workflows,
                "report.pdf", SamplePdfs.pdf("Cover page", "Contents", QUOTE));
        CurrentUser handler = a.tenant().user(Role.PROJECT_HANDLER);
        Page page = browser.open(port);
        Browser.signIn(page, handler.email(), TestData.PASSWORD);
        page.navigate("/assessments/" + a.id());

        Locator link = page.locator("#result-standard [data-testid=evidence-link]").first();
        assertThat(link).hasAccessibleName(java.util.regex.Pattern.compile("report\\.pdf · p\\. 3 — " + QUOTE));
        link.focus();
        page.keyboard().press("Enter");
        assertThat(page.getByTestId("viewer-location")).hasText("report.pdf · p. 3");
        Locator viewer = page.getByTestId("viewer");
        assertThat(viewer).hasAttribute("data-rendered-page", "3");

        List<WordBox> quote = quoteWords(a.tenant(), a.report(), 3);
        assertThat(page.locator("[data-testid=highlight][data-source=words]")).hasCount(1);
        assertHighlighted(page, "words", quote);
        assertThat(painted(page)).as("the canvas shows the drawn page").isTrue();
        Browser.screenshot(page, Path.of("target", "screenshots"), "evidence-viewer");
        PageChecks.assertUsable(browser, page);

        page.getByTestId("viewer-zoom-in").click();
        assertThat(viewer).hasAttribute("data-rendered", "1.25");
        assertHighlighted(page, "words", quote);

        page.keyboard().press("k"); // the previous evidence on the results page, which shows failures first
        assertThat(page.getByTestId("viewer-criterion")).hasText("Manual explains safe use");
        assertThat(page.getByTestId("viewer-location")).hasText("manual.pdf · p. 1");
        assertThat(viewer).hasAttribute("data-rendered-page", "1"); // the viewer's script is listening
        page.keyboard().press("j");
        assertThat(page.getByTestId("viewer-location")).hasText("report.pdf · p. 3");
        assertThat(viewer).hasAttribute("data-rendered-page", "3");
        assertThat(browser.problems(page)).isEmpty();
    }

    @Test
    void aPageWithoutStoredWordBoxesIsHighlightedFromTheTextLayer() throws Exception {
        EvidenceViewerPageTests.Assessed a = EvidenceViewerPageTests.assessed(mvc, data, uploaded, workflows,
                "report.pdf", SamplePdfs.pdf("Cover page", QUOTE));
        List<WordBox> quote = quoteWords(a.tenant(), a.report(), 2);
        jdbc.sql("update document_pages set words = null where document_id = :id")
                .param("id", UUID.fromString(a.report())).update();
        Page page = browser.open(port);
        Browser.signIn(page, a.tenant().user(Role.PROJECT_HANDLER).email(), TestData.PASSWORD);
        page.navigate(a.viewer("standard", 1) + "?lang=de");

        assertThat(page.getByTestId("viewer")).hasAttribute("data-rendered-page", "2");
        assertThat(page.getByTestId("viewer-previous")).hasText("Vorheriger Nachweis");
        assertHighlighted(page, "text-layer", quote);
        assertThat(page.locator("[data-testid=highlight][data-source=words]")).hasCount(0);
        page.setViewportSize(390, 844);
        PageChecks.assertUsable(browser, page);
    }

    @Test
    void aWordPageShowsItsTextWithTheQuoteMarked() throws Exception {
        EvidenceViewerPageTests.Assessed a = EvidenceViewerPageTests.assessed(mvc, data, uploaded, workflows,
                "report.docx", SamplePdfs.docxPages("Cover sheet", QUOTE));
        Page page = browser.open(port);
        Browser.signIn(page, a.tenant().user(Role.PROJECT_HANDLER).email(), TestData.PASSWORD);
        page.navigate(a.viewer("safety", 1));
        assertThat(page.getByTestId("viewer")).hasAttribute("data-rendered-page", "1"); // its script is listening
        page.keyboard().press("ArrowRight");

        assertThat(page.getByTestId("viewer-location")).hasText("report.docx · p. 2");
        assertThat(page.getByTestId("viewer-mark")).hasText(QUOTE);
        assertThat(page.getByTestId("viewer-mark")).isInViewport();
        Browser.screenshot(page, Path.of("target", "screenshots"), "evidence-viewer-docx");
        PageChecks.assertUsable(browser, page);
    }

    @Test
    void anOcrdPageIsHighlightedFromTesseractsWordBoxes() throws Exception {
        assumeTrue(Ocr.detect().available(), "tesseract is not installed");
        GeneratedPdfs.Painter scan = canvas -> canvas.image(GeneratedPdfs.scan(List.of("Test report 4711",
                "Tested according to IEC 62368-1:2018", "Laboratory Nordlicht")), 0, 0, 595, 288);
        EvidenceViewerPageTests.Assessed a = EvidenceViewerPageTests.assessed(mvc, data, uploaded, workflows,
                "scanned.pdf", GeneratedPdfs.pdf(canvas -> canvas.text(72, 100, 12, "Typed cover page"), scan));
        Page page = browser.open(port);
        Browser.signIn(page, a.tenant().user(Role.PROJECT_HANDLER).email(), TestData.PASSWORD);
        page.navigate(a.viewer("standard", 1));

        assertThat(page.getByTestId("viewer")).hasAttribute("data-rendered-page", "2");
        String quote = page.getByTestId("viewer").getAttribute("data-quote");
        assertThat(quote).contains("IEC 62368-1");
        assertThat(page.locator("[data-testid=highlight][data-source=words]")).hasCount(1);
        assertHighlighted(page, "words", quoteWords(documents, a.tenant().id(), a.report(), 2, quote));
        Browser.screenshot(page, Path.of("target", "screenshots"), "evidence-viewer-ocr");
        assertThat(browser.problems(page)).isEmpty();
    }

    /** The boxes of the quote's words as extraction stored them. */
    private List<WordBox> quoteWords(TestData.Tenant tenant, String document, int number) {
        return quoteWords(documents, tenant.id(), document, number, QUOTE);
    }

    /** The boxes of {@code quote}'s words on page {@code number} of the document, as extraction stored them. */
    static List<WordBox> quoteWords(DocumentManagement documents, TenantId tenant, String document, int number,
            String quote) {
        DocumentId id = new DocumentId(UUID.fromString(document));
        PageLayout layout = documents.layout(tenant, id, number).orElseThrow();
        Evidence found = Evaluation.verifyOnPage(id.value(), "", number, layout.page().text(), quote);
        List<WordBox> words = layout.covering(found.start(), found.end());
        assertThat(words).as("stored boxes of the quote").isNotEmpty();
        return words;
    }

    /** The viewer's highlights from {@code source} cover the rectangle of {@code quote}'s word boxes on the canvas. */
    static void assertHighlighted(Page page, String source, List<WordBox> quote) {
        Locator highlights = page.locator("[data-testid=highlight][data-source=" + source + "]");
        assertThat(highlights.first()).isAttached();
        assertOverlaps(union(highlights), on(page.getByTestId("viewer-canvas").boundingBox(), quote));
    }

    /** Where {@code words} (fractions of the page) lie on the canvas. */
    private static BoundingBox on(BoundingBox canvas, List<WordBox> words) {
        double left = words.stream().mapToDouble(WordBox::x).min().orElseThrow();
        double top = words.stream().mapToDouble(WordBox::y).min().orElseThrow();
        double right = words.stream().mapToDouble(w -> w.x() + w.width()).max().orElseThrow();
        double bottom = words.stream().mapToDouble(w -> w.y() + w.height()).max().orElseThrow();
        BoundingBox box = new BoundingBox();
        box.x = canvas.x + left * canvas.width;
        box.y = canvas.y + top * canvas.height;
        box.width = (right - left) * canvas.width;
        box.height = (bottom - top) * canvas.height;
        return box;
    }

    private static BoundingBox union(Locator highlights) {
        BoundingBox union = null;
        for (int i = 0; i < highlights.count(); i++) {
            BoundingBox b = highlights.nth(i).boundingBox();
            if (union == null) {
                union = b;
                continue;
            }
            double right = Math.max(union.x + union.width, b.x + b.width);
            double bottom = Math.max(union.y + union.height, b.y + b.height);
            union.x = Math.min(union.x, b.x);
            union.y = Math.min(union.y, b.y);
            union.width = right - union.x;
            union.height = bottom - union.y;
        }
        return union;
    }

    /** The highlight covers most of the quote: at least 60 % of the rectangle of its stored word boxes. */
    private static void assertOverlaps(BoundingBox actual, BoundingBox expected) {
        double width = Math.min(actual.x + actual.width, expected.x + expected.width) - Math.max(actual.x, expected.x);
        double height = Math.min(actual.y + actual.height, expected.y + expected.height) - Math.max(actual.y, expected.y);
        double overlap = Math.max(0, width) * Math.max(0, height);
        assertThat(overlap).as("highlight %s over the quote at %s", describe(actual), describe(expected))
                .isGreaterThan(0.6 * expected.width * expected.height);
    }

    private static String describe(BoundingBox b) {
        return "[x=%.1f y=%.1f w=%.1f h=%.1f]".formatted(b.x, b.y, b.width, b.height);
    }

    /** Whether pdf.js drew anything darker than paper on the canvas. */
    private static boolean painted(Page page) {
        return (Boolean) page.evaluate("""
                () => {
                  const canvas = document.querySelector('[data-viewer-canvas]');
                  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  for (let i = 0; i < pixels.length; i += 4) {
                    if (pixels[i + 3] > 0 && pixels[i] < 128) return true;
                  }
                  return false;
                }""");
    }
}

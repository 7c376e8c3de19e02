package com.qteria.document;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.Browser;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 4 in a real Chromium: a project handler drops several files onto a workflow's bucket, watches each upload's
 * row turn ready (or say plainly why it was refused), and opens "what Qteria read".
 */
@QteriaTest
class DocumentUploadBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    /** Drops files on an element the way a browser does: a DataTransfer carrying File objects. */
    private static final String DROP = """
            ([selector, files]) => {
              const zone = document.querySelector(selector);
              const transfer = new DataTransfer();
              for (const f of files) {
                const bytes = Uint8Array.from(atob(f.data), c => c.charCodeAt(0));
                transfer.items.add(new File([bytes], f.name, {type: f.type}));
              }
              zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: transfer, bubbles: true, cancelable: true}));
              zone.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));
            }""";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    WorkflowManagement workflows;

    @Test
    void aHandlerDropsFilesIntoABucketAndReadsWhatQteriaRead() {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        WorkflowId workflow = workflows.create(tenant.admin(), new WorkflowInput("LVD ICT equipment", null,
                List.of(new WorkflowInput.BucketInput("test_reports", "Test reports", true, 0),
                        new WorkflowInput.BucketInput("manuals", "User manuals", false, 1)),
                List.of(new WorkflowInput.CriterionInput("c", "Cites the standard", null, List.of("*"), null, 0,
                        null)))).id();
        Page page = browser.open(port);
        Browser.signIn(page, handler.email(), TestData.PASSWORD);
        page.navigate("http://localhost:" + port + "/documents/new?workflow=" + workflow);
        assertThat(page.getByTestId("bucket")).hasCount(2);

        String zone = "[data-testid=bucket][data-bucket=test_reports] [data-upload-zone]";
        page.evaluate(DROP, List.of(zone, List.of(
                file("test-report.pdf", "application/pdf", SamplePdfs.pdf("Test report to IEC 62368-1:2018", "Page two")),
                file("notes.txt", "text/plain", "just notes".getBytes(StandardCharsets.UTF_8)))));

        Locator bucket = page.locator("[data-testid=bucket][data-bucket=test_reports]");
        Locator rows = bucket.getByTestId("upload-row");
        assertThat(rows).hasCount(2);
        Locator report = rows.filter(new Locator.FilterOptions().setHasText("test-report.pdf"));
        Locator notes = rows.filter(new Locator.FilterOptions().setHasText("notes.txt"));
        assertThat(notes).containsText("Not uploaded");
        assertThat(notes).containsText("neither a PDF nor a Word");
        assertThat(report.getByTestId("document-status")).hasAttribute("data-status", "ready",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertThat(report).containsText("Ready · 2 pages");

        // The other bucket takes files from the keyboard-reachable chooser as well.
        page.locator("[data-testid=bucket][data-bucket=manuals] input[type=file]").setInputFiles(
                new FilePayload("manual.docx", "application/octet-stream", SamplePdfs.docx("Operating instructions")));
        assertThat(page.locator("[data-testid=bucket][data-bucket=manuals]").getByTestId("upload-row")).hasCount(1);

        report.getByTestId("document-read-link").click();
        assertThat(page.getByTestId("document-name")).hasText("test-report.pdf");
        assertThat(page.getByTestId("page")).hasCount(2);
        assertThat(page.getByTestId("page-text").first()).hasText("Test report to IEC 62368-1:2018");
        // The only console entry is Chromium noting the refused file's 415 answer.
        assertThat(browser.problems(page)).allMatch(problem -> problem.endsWith("415 for http://localhost:" + port
                + "/documents/upload"));
    }

    private static java.util.Map<String, String> file(String name, String type, byte[] bytes) {
        return java.util.Map.of("name", name, "type", type, "data", Base64.getEncoder().encodeToString(bytes));
    }
}

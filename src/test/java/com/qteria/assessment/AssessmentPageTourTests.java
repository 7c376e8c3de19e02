package com.qteria.assessment;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.qteria.document.DocumentId;
import com.qteria.document.UploadedDocuments;
import com.qteria.identity.Role;
import com.qteria.support.Browser;
import com.qteria.support.PageChecks;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowManagement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The assessment pages pass the page checks (contrast, 44 px targets, labels, keyboard, no CSP errors), EN and DE. */
@QteriaTest
class AssessmentPageTourTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    AssessmentManagement assessments;

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void assessmentPages(String lang) throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        WorkflowId workflow = workflows.createFromTemplate(tenant.admin(), "lvd-ict-equipment").id();
        Page page = browser.open(port);
        page.navigate("/login?lang=" + lang);
        Browser.signIn(page, tenant.user(Role.PROJECT_HANDLER).email(), TestData.PASSWORD);
        visit(page, "/assessments", "assessments-empty-" + lang);
        visit(page, "/assessments/new", "assessment-choose-" + lang);
        visit(page, "/assessments/new?workflow=" + workflow, "assessment-new-" + lang);

        List<StartAssessment.BucketDocument> documents = List.of(
                document(token, "test_reports", "tr-nordlicht-nv8240.pdf"),
                document(token, "declaration", "doc-nordlicht-nv8240.pdf"),
                document(token, "user_manual", "um-nordlicht-nv8240.pdf"));
        AssessmentId id = assessments.start(tenant.admin(), new StartAssessment(workflow, "Nordlicht NV8240", documents)).id();
        // Checked with its event stream held back, so the page cannot move on to the results while it is checked.
        page.route("**/assessments/" + id + "/events", route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("text/event-stream").setBody("retry: 600000\n\n")));
        visit(page, "/assessments/" + id, "assessment-running-" + lang);
        page.unroute("**/assessments/" + id + "/events");
        // The running page follows the job and shows the results by itself when it is done.
        page.reload();
        page.getByTestId("summary").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(90_000));
        Browser.capture(page, "assessment-results-" + lang);
        PageChecks.assertUsable(browser, page);
        visit(page, "/assessments", "assessments-" + lang);
        visit(page, "/", "dashboard-recent-" + lang);

        Page manager = browser.open(port);
        manager.navigate("/login?lang=" + lang);
        Browser.signIn(manager, tenant.admin().email(), TestData.PASSWORD);
        visit(manager, "/workflows/" + workflow + "/insights?sort=noise", "insights-" + lang);
        for (int width : new int[] {768, 390}) {
            manager.setViewportSize(width, 900);
            visit(manager, "/workflows/" + workflow + "/insights", "narrow-" + width + "-insights-" + lang);
            visit(manager, "/", "narrow-" + width + "-dashboard-" + lang);
        }
    }

    private StartAssessment.BucketDocument document(String token, String bucket, String sample) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("src/main/resources/samples/documents", sample));
        return new StartAssessment.BucketDocument(bucket,
                new DocumentId(UUID.fromString(uploaded.upload(token, sample, bytes))));
    }

    private void visit(Page page, String path, String name) {
        page.navigate(path);
        Browser.capture(page, name);
        PageChecks.assertUsable(browser, page);
    }
}

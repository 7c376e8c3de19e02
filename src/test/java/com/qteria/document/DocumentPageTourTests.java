package com.qteria.document;

import com.microsoft.playwright.Page;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.Browser;
import com.qteria.support.PageChecks;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The document pages pass the page checks (contrast, 44 px targets, labels, keyboard, no CSP errors), EN and DE. */
@QteriaTest
class DocumentPageTourTests {

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

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void documentPages(String lang) throws Exception {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        Page page = browser.open(port);
        page.navigate("/login?lang=" + lang);
        Browser.signIn(page, handler.email(), TestData.PASSWORD);
        visit(page, "/documents", "documents-empty-" + lang);

        String ready = uploaded.upload(token, "test-report.pdf", SamplePdfs.pdf("Test report IEC 62368-1", "Page 2"));
        String rejected = uploaded.upload(token, "broken.pdf", "%PDF-1.7\nnothing else".getBytes());
        uploaded.awaitRead(token, ready);
        uploaded.awaitRead(token, rejected);
        WorkflowId workflow = workflows.create(tenant.admin(), new WorkflowInput("LVD", null,
                List.of(new WorkflowInput.BucketInput("reports", "Test reports", true, 0)),
                List.of(new WorkflowInput.CriterionInput("c", "C", null, List.of("*"), null, 0, null)))).id();

        visit(page, "/documents", "documents-" + lang);
        visit(page, "/documents/" + ready, "document-read-" + lang);
        visit(page, "/documents/" + rejected, "document-rejected-" + lang);
        visit(page, "/documents/new?workflow=" + workflow, "document-upload-" + lang);
    }

    private void visit(Page page, String path, String name) {
        page.navigate(path);
        Browser.capture(page, name);
        PageChecks.assertUsable(browser, page);
    }
}

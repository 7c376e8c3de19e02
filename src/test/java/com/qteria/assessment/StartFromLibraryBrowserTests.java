package com.qteria.assessment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import com.qteria.document.UploadedDocuments;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.Browser;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowManagement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real Chromium (the behaviour is the page's script): from a workflow's page, "Start an assessment"; a document
 * is added from the library, a wrong (rejected) upload and a chosen document are taken out again, the hint names the
 * missing required bucket while Start is disabled; the assessment starts with the library document, and once it has
 * completed the dashboard draws its chart of outcomes.
 */
@QteriaTest
class StartFromLibraryBrowserTests {

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

    @Test
    void aHandlerAddsALibraryDocumentRemovesAWrongOneAndStarts() throws Exception {
        AssessmentsApiTests.Setup s = AssessmentsApiTests.setup(data, uploaded, workflows);
        uploaded.awaitRead(s.token(), s.report());
        uploaded.awaitRead(s.token(), s.manual());
        CurrentUser handler = s.tenant().user(Role.PROJECT_HANDLER);
        Page page = browser.open(port);
        Browser.signIn(page, handler.email(), TestData.PASSWORD);

        page.navigate("http://localhost:" + port + "/workflows/" + s.workflow());
        page.getByTestId("start-assessment").first().click();
        Locator start = page.locator("button[data-testid=start-assessment]");
        Locator hint = page.getByTestId("start-hint");
        Locator reports = page.locator("[data-testid=bucket][data-bucket=test_reports]");
        assertThat(start).isDisabled();
        assertThat(hint).containsText("Missing: Test reports.");

        reports.locator("input[type=file]").setInputFiles(new FilePayload("wrong.pdf", "application/pdf",
                "%PDF-1.7\nnothing else".getBytes()));
        assertThat(reports.locator("[data-testid=document-status]")).hasAttribute("data-status", "rejected",
                new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertThat(start).isDisabled();
        reports.locator("[data-testid=upload-row]").getByTestId("remove-row").click();
        assertThat(reports.locator("[data-testid=upload-row]")).hasCount(0);

        reports.locator("[data-testid=library] summary").click();
        reports.locator("[data-testid=library-document][data-document-id='" + s.manual() + "'] [data-testid=library-add]")
                .click();
        assertThat(start).isEnabled();
        assertThat(hint).isHidden();
        reports.locator("[data-testid=upload-row]").getByTestId("remove-row").click();
        assertThat(start).isDisabled();
        assertThat(hint).containsText("Missing: Test reports.");

        reports.locator("[data-testid=library-document][data-document-id='" + s.report() + "'] [data-testid=library-add]")
                .click();
        reports.locator("[data-testid=library-document][data-document-id='" + s.report() + "'] [data-testid=library-add]")
                .click();
        assertThat(reports.locator("[data-testid=upload-row]")).hasCount(1);
        page.locator("#reference").fill("From the library");
        start.click();
        assertThat(page.getByTestId("assessment-heading")).hasText("From the library");
        assertThat(page.getByTestId("summary")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));

        page.getByTestId("nav-dashboard").click();
        assertThat(page.locator("canvas[data-testid=outcomes-chart]")).hasAttribute("data-drawn", "true");
        assertThat(page.getByTestId("outcome-pass")).hasText("1");
        assertThat(browser.problems(page)).isEmpty();
    }
}

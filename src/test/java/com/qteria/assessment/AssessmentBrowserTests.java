package com.qteria.assessment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.Browser;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowManagement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 5, acceptance 4, in a real Chromium: a project handler starts an assessment on the sample LVD workflow from
 * the UI (Start stays disabled until every required bucket has a ready document), follows the live progress, and
 * lands on the results.
 */
@QteriaTest
class AssessmentBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    /** Keeps every progress state the page shows, across the navigation to the results. */
    private static final String RECORD_PROGRESS = """
            () => {
              const bar = document.querySelector('[data-progress-bar]');
              const label = document.querySelector('[data-phase-label]');
              const record = () => {
                const seen = JSON.parse(sessionStorage.getItem('progress') || '[]');
                seen.push(label.textContent.trim() + ' ' + bar.value);
                sessionStorage.setItem('progress', JSON.stringify(seen));
              };
              record();
              new MutationObserver(record).observe(label, {childList: true, characterData: true, subtree: true});
              new MutationObserver(record).observe(bar, {attributes: true});
            }""";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    WorkflowManagement workflows;

    @Test
    void aHandlerStartsAnAssessmentFollowsItAndReadsTheResults() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        WorkflowId workflow = workflows.createFromTemplate(tenant.admin(), "lvd-ict-equipment").id();
        Page page = browser.open(port);
        Browser.signIn(page, handler.email(), TestData.PASSWORD);

        page.getByTestId("nav-assessments").click();
        page.getByTestId("new-assessment").click();
        page.locator("[data-testid=choose-workflow][data-name^='Low Voltage']").click();
        assertThat(page.getByTestId("bucket")).hasCount(4);
        Locator start = page.getByTestId("start-assessment");
        assertThat(start).isDisabled();

        drop(page, "test_reports", "tr-nordlicht-nv8240.pdf");
        drop(page, "declaration", "doc-nordlicht-nv8240.pdf");
        drop(page, "risk_assessment", "ra-nordlicht-nv8240.pdf");
        assertThat(page.locator("[data-testid=bucket][data-bucket=declaration] [data-testid=document-status]"))
                .hasAttribute("data-status", "ready", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertThat(start).isDisabled(); // the user manual, a required bucket, is still empty
        drop(page, "user_manual", "um-nordlicht-nv8240.pdf");
        assertThat(start).isEnabled(new LocatorAssertions.IsEnabledOptions().setTimeout(60_000));

        page.locator("#reference").fill("Nordlicht NV8240");
        recordProgress(page);
        start.click();
        assertThat(page.getByTestId("assessment-heading")).hasText("Nordlicht NV8240");

        assertThat(page.getByTestId("summary")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                .IsVisibleOptions().setTimeout(90_000));
        assertThat(page.getByTestId("result")).hasCount(10);
        Browser.capture(page, "assessment-results");
        assertThat(page.locator("[data-testid=result][data-key=tr_standard]")).hasAttribute("data-verdict", "pass");
        assertThat(page.locator("[data-testid=result][data-key=tr_standard] [data-testid=evidence]").first())
                .containsText("tr-nordlicht-nv8240.pdf · p. 1");
        assertThat(progressSeen(page)).as("progress states shown while the assessment ran").isNotEmpty();
        page.getByTestId("nav-dashboard").click();
        assertThat(page.getByTestId("recent-assessments")).containsText("Nordlicht NV8240");
        assertThat(browser.problems(page)).isEmpty();
    }

    /**
     * Records every progress state the assessment page shows, from the moment a running page loads (a fast assessment
     * may move on to its results before a script evaluated afterwards would run), across the navigation to the results.
     */
    static void recordProgress(Page page) {
        page.addInitScript("document.addEventListener('DOMContentLoaded', () => {"
                + " if (document.querySelector('[data-progress-bar]')) (" + RECORD_PROGRESS + ")(); });");
    }

    /** What {@link #recordProgress} saw, oldest first: "Checking criteria 40", … */
    @SuppressWarnings("unchecked")
    static List<String> progressSeen(Page page) {
        return (List<String>) page.evaluate("() => JSON.parse(sessionStorage.getItem('progress') || '[]')");
    }

    private static void drop(Page page, String bucket, String sample) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("src/main/resources/samples/documents", sample));
        page.locator("[data-testid=bucket][data-bucket=" + bucket + "] input[type=file]")
                .setInputFiles(new FilePayload(sample, "application/pdf", bytes));
        assertThat(page.locator("[data-testid=bucket][data-bucket=" + bucket + "] [data-testid=upload-row]"))
                .hasCount(1);
    }
}

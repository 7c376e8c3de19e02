package com.qteria.assessment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import com.qteria.document.DocumentManagement;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.Browser;
import com.qteria.support.PageChecks;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12, acceptance 1, in a real Chromium, the handler's day: a process manager creates the workflow; a handler
 * uploads a test report that cites the wrong standard, starts, follows the progress and opens the results (the
 * standard criterion fails), opens an evidence line in the viewer (its page, the quote highlighted), overrides a
 * verdict with a comment, replaces the failing report with a corrected one, re-runs, and sees the criterion fixed,
 * the review carried over and the overall verdict following the reviews. Then (issue 13, acceptance 3) the admin finds
 * these actions in the audit log by name and label, narrows it with a filter and sees the chain intact.
 */
@QteriaTest
class ResultsJourneyBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final LocatorAssertions.IsVisibleOptions LONG = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(90_000);

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    DocumentManagement documents;

    @Test
    void verifyFixAndReRun() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser manager = tenant.user(Role.PROCESS_MANAGER);
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);

        Page managerPage = browser.open(port);
        Browser.signIn(managerPage, manager.email(), TestData.PASSWORD);
        managerPage.getByTestId("nav-workflows").click();
        managerPage.locator("[data-testid=empty-from-template]").click(); // no workflow yet: the empty state offers it
        managerPage.locator("[data-testid=template][data-key=lvd-ict-equipment] [data-testid=use-template]").click();
        assertThat(managerPage.locator("h1")).containsText("Low Voltage Directive");

        Page page = browser.open(port);
        Browser.signIn(page, handler.email(), TestData.PASSWORD);
        page.getByTestId("nav-assessments").click();
        page.getByTestId("new-assessment").click();
        page.locator("[data-testid=choose-workflow][data-name^='Low Voltage']").click();
        drop(page, "test_reports", "tr-nordlicht-nv8240-draft.pdf", wrongStandardReport());
        drop(page, "declaration", "doc-nordlicht-nv8240.pdf", sample("doc-nordlicht-nv8240.pdf"));
        drop(page, "user_manual", "um-nordlicht-nv8240.pdf", sample("um-nordlicht-nv8240.pdf"));
        Locator start = page.getByTestId("start-assessment");
        assertThat(start).isEnabled(new LocatorAssertions.IsEnabledOptions().setTimeout(60_000));
        page.locator("#reference").fill("Nordlicht NV8240");
        AssessmentBrowserTests.recordProgress(page);
        start.click();

        assertThat(page.getByTestId("summary")).isVisible(LONG);
        assertThat(AssessmentBrowserTests.progressSeen(page)).as("the progress the handler watched").isNotEmpty();
        String first = page.url();
        assertThat(result(page, "tr_standard")).hasAttribute("data-verdict", "fail");
        assertThat(page.locator("[data-testid=summary] [data-testid=verdict]")).hasAttribute("data-verdict", "fail");
        assertThat(result(page, "ra_method")).hasAttribute("data-verdict", "not_applicable");
        Browser.capture(page, "journey-v1");

        // Failures come first, and a chip shows only them (and back).
        assertThat(page.locator("[data-testid=result]").first()).hasAttribute("data-verdict", "fail");
        int failures = page.locator("[data-testid=result][data-verdict=fail]").count();
        Locator onlyFailures = page.locator("[data-testid=filter][data-filter-verdict=fail]");
        onlyFailures.click();
        assertThat(onlyFailures).hasAttribute("aria-pressed", "true");
        assertThat(page.locator("[data-testid=result]:visible")).hasCount(failures);
        assertThat(result(page, "manual_final")).isHidden();
        onlyFailures.click();
        assertThat(result(page, "manual_final")).isVisible();
        assertThat(page.getByTestId("assessed-document")).hasCount(3);

        // Verify: an evidence line opens its page in the viewer, the quote highlighted over its stored word boxes.
        Locator evidence = page.getByTestId("evidence-link").first();
        String location = evidence.locator(".mono").textContent().strip();
        int number = Integer.parseInt(location.substring(location.lastIndexOf(' ') + 1));
        evidence.click();
        assertThat(page.getByTestId("viewer-location")).hasText(location);
        Locator viewer = page.getByTestId("viewer");
        assertThat(viewer).hasAttribute("data-rendered-page", String.valueOf(number));
        String documentId = page.getByTestId("viewer-original").getAttribute("href").split("/")[2];
        EvidenceViewerBrowserTests.assertHighlighted(page, "words", EvidenceViewerBrowserTests.quoteWords(documents,
                tenant.id(), documentId, number, viewer.getAttribute("data-quote")));
        Browser.screenshot(page, Path.of("target", "screenshots"), "journey-evidence");
        page.getByTestId("viewer-back").click();
        assertThat(page.getByTestId("summary")).isVisible();

        // Override: the handler has read the manual's warnings and confirms them.
        review(page, "manual_warnings", "pass", "Safety warnings are in chapter 2, as the directive asks.");
        assertThat(result(page, "manual_warnings")).hasAttribute("data-verdict", "pass");
        assertThat(result(page, "manual_warnings").getByTestId("review-line")).containsText("Machine verdict: Needs review");
        assertThat(result(page, "manual_warnings").getByTestId("review-comment")).containsText("Safety warnings");

        // Fix: the client sends the corrected report; it goes to the library, then replaces the draft.
        page.navigate("/documents");
        page.getByTestId("upload-for-workflow").first().click();
        page.waitForURL("**/documents/new**");
        drop(page, "test_reports", "tr-nordlicht-nv8240.pdf", sample("tr-nordlicht-nv8240.pdf"));
        assertThat(page.locator("[data-testid=bucket][data-bucket=test_reports] [data-testid=document-status]"))
                .hasAttribute("data-status", "ready", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        page.navigate(first);
        Locator replace = page.locator("[data-testid=rerun-form] select#rerun-test_reports");
        replace.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("tr-nordlicht-nv8240.pdf"));
        page.getByTestId("rerun-submit").click();

        assertThat(page.getByTestId("summary")).isVisible(LONG);
        assertThat(page.getByTestId("diff-banner")).containsText("1 fixed");
        assertThat(result(page, "tr_standard")).hasAttribute("data-verdict", "pass");
        assertThat(result(page, "tr_standard").getByTestId("change")).hasAttribute("data-change", "fixed");
        assertThat(result(page, "manual_warnings").getByTestId("review-carried")).isVisible();
        assertThat(page.getByTestId("versions")).containsText("v1");

        // What no check decides without AI, the handler decides: the overall verdict follows the reviews.
        review(page, "tr_overall_verdict", "pass", "Overall verdict on page 1 of the report: Pass.");
        assertThat(page.locator("[data-testid=summary] [data-testid=verdict]")).hasAttribute("data-verdict", "pass");
        Browser.capture(page, "journey-v2");
        assertThat(browser.problems(page)).isEmpty();

        theAdminFindsTheJourneyInTheAuditLog(tenant, manager, handler);
    }

    /**
     * Issue 13, acceptance 3: the journey's actions are in the audit log by name and human label, a filter narrows
     * the list, and the chain is intact.
     */
    private void theAdminFindsTheJourneyInTheAuditLog(TestData.Tenant tenant, CurrentUser manager,
            CurrentUser handler) {
        Page admin = browser.open(port);
        Browser.signIn(admin, tenant.admin().email(), TestData.PASSWORD);
        admin.getByTestId("nav-audit").click();
        assertThat(admin.getByTestId("audit-verification")).hasAttribute("data-valid", "true");

        Locator imported = entries(admin, "workflow.imported");
        assertThat(imported).hasCount(1);
        assertThat(imported.getByTestId("audit-action")).hasText("Workflow imported");
        assertThat(imported.getByTestId("audit-actor")).containsText(manager.name());
        assertThat(imported.getByTestId("audit-resource-name")).containsText("Low Voltage Directive");

        Locator started = entries(admin, "assessment.started");
        assertThat(started).hasCount(1);
        assertThat(started.getByTestId("audit-action")).hasText("Assessment started");
        assertThat(started.getByTestId("audit-actor")).containsText(handler.name());
        assertThat(started.getByTestId("audit-resource-name")).containsText("Nordlicht NV8240");
        assertThat(started.getByTestId("audit-resource-name")).containsText("Low Voltage Directive");
        assertThat(entries(admin, "assessment.rerun").getByTestId("audit-action")).hasText("Assessment re-run");
        assertThat(entries(admin, "assessment.completed")).hasCount(2);
        assertThat(entries(admin, "assessment.completed").first().getByTestId("audit-actor"))
                .hasText("Qteria (automatic)");
        assertThat(entries(admin, "document.uploaded").getByTestId("audit-resource-name").allTextContents())
                .map(String::strip).containsExactlyInAnyOrder("tr-nordlicht-nv8240-draft.pdf",
                        "doc-nordlicht-nv8240.pdf", "um-nordlicht-nv8240.pdf", "tr-nordlicht-nv8240.pdf");
        assertThat(entries(admin, "document.downloaded").first().getByTestId("audit-action"))
                .hasText("Document downloaded");
        PageChecks.assertUsable(browser, admin);

        admin.getByTestId("filter-action").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Verdict reviewed"));
        admin.getByTestId("apply-filters").click();
        admin.waitForURL("**/admin/audit?**action=assessment.result_reviewed**");
        Locator reviewed = admin.getByTestId("audit-entry");
        assertThat(reviewed).hasCount(2);
        assertThat(entries(admin, "assessment.result_reviewed")).hasCount(2);
        assertThat(reviewed.first().getByTestId("audit-actor")).containsText(handler.name());
        assertThat(reviewed.first().getByTestId("audit-resource-name")).containsText("Nordlicht NV8240");

        admin.getByTestId("verify-audit").click();
        assertThat(admin.getByTestId("audit-verification")).containsText("intact");
        assertThat(admin.getByTestId("filter-action")).hasValue("assessment.result_reviewed");
        admin.getByTestId("clear-filters").click();
        assertThat(entries(admin, "assessment.started")).hasCount(1);
        Browser.capture(admin, "journey-audit");
    }

    private static Locator entries(Page page, String action) {
        return page.locator("[data-testid=audit-entry][data-action='" + action + "']");
    }

    private static Locator result(Page page, String key) {
        return page.locator("[data-testid=result][data-key=" + key + "]");
    }

    private static void review(Page page, String key, String verdict, String comment) {
        Locator card = result(page, key);
        card.getByTestId("review-open").click();
        Locator form = card.getByTestId("review-form");
        form.locator("input[name=verdict][value=" + verdict + "]").check();
        form.locator("textarea[name=comment]").fill(comment);
        form.locator("button[type=submit]").click();
        assertThat(result(page, key).getByTestId("review-line")).isVisible();
    }

    private static void drop(Page page, String bucket, String name, byte[] bytes) {
        // The upload rows are made by the page's script: wait until it has run, or the file choice goes unseen.
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        page.locator("[data-testid=bucket][data-bucket=" + bucket + "] input[type=file]")
                .setInputFiles(new FilePayload(name, "application/pdf", bytes));
        assertThat(page.locator("[data-testid=bucket][data-bucket=" + bucket + "] [data-testid=upload-row]").last())
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
    }

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(Path.of("src/main/resources/samples/documents", name));
    }

    /** The sample report's first page, but citing the withdrawn IEC 60950-1. */
    private static byte[] wrongStandardReport() {
        return SamplePdfs.pdf("TEST REPORT IEC 60950-1 Report No. MTL-25-0312-01 Date of issue: 2025-02-27",
                "Test specification: standard: IEC 60950-1:2005 Model/type reference: NV-8240-B");
    }
}

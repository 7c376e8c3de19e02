package com.qteria.workflow;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.Browser;
import com.qteria.support.PageChecks;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The workflow pages in English and German as people see them, checked against PRODUCT.md's rules
 * ({@link PageChecks}) and, with {@code -Dqteria.screenshots=<folder>}, saved as PNGs to look at.
 */
@QteriaTest
class WorkflowPageTourTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    WorkflowManagement workflows;

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void aProcessManagersWorkflowPages(String lang) {
        CurrentUser manager = data.newTenant().user(Role.PROCESS_MANAGER);
        Page page = browser.open(port);
        page.navigate("/login?lang=" + lang);
        Browser.signIn(page, manager.email(), TestData.PASSWORD);

        visit(page, "/workflows", "workflows-empty-" + lang);
        assertThat(page.getByTestId("empty-state")).isVisible();
        visit(page, "/workflows/templates", "workflow-templates-" + lang);
        page.locator("[data-testid=template][data-key=lvd-ict-equipment] [data-testid=use-template]").click();
        assertThat(page.getByTestId("notice")).isVisible();
        check(page, "workflow-view-" + lang);

        page.getByTestId("edit").click();
        assertThat(page.locator("#builder")).isVisible();
        check(page, "builder-edit-" + lang);

        page.locator("#workflow-name").fill("");
        page.locator("#criterion-0-toggle").click();
        page.locator("#criterion-0-name").fill("");
        page.getByTestId("save").click();
        assertThat(page.getByTestId("error-summary")).isFocused();
        check(page, "builder-errors-" + lang);

        page.locator("#workflow-name").fill("LVD with my changes");
        page.locator("#criterion-0-name").fill("Test report cites IEC 62368-1:2018 or later");
        page.locator("#criterion-0-new-check-type").selectOption("matches");
        page.locator("#criterion-0-add-check").click();
        page.locator("#criterion-0-check-1-pattern").fill("IEC 62368-1:20(1[89]|2[0-9])");
        page.locator("#criterion-0-check-1-sample").fill("Test specification: IEC 62368-1:2018, EN IEC 62368-1:2020+A11:2020");
        page.locator("#criterion-0-check-1-try").click();
        assertThat(page.locator("#criterion-0-check-1-preview [data-testid=preview-count]")).isVisible();
        check(page, "builder-preview-" + lang);

        page.getByTestId("save").click();
        assertThat(page.getByTestId("version")).hasText("2");
        page.getByTestId("history").click();
        check(page, "workflow-versions-" + lang);
        page.getByTestId("compare").click();
        assertThat(page.getByTestId("diff-item").first()).isVisible();
        check(page, "workflow-diff-" + lang);
        page.navigate(page.url().replace("from=1", "from=2"));
        assertThat(page.getByTestId("no-changes")).isVisible();

        page.navigate("/workflows");
        page.getByTestId("workflow-row").first().locator("a").click();
        page.getByTestId("history").click();
        page.locator("[data-testid=version-row][data-version='1'] a").first().click();
        assertThat(page.getByTestId("old-version")).isVisible();
        check(page, "workflow-version-1-" + lang);

        visit(page, "/workflows", "workflows-" + lang);
        assertThat(page.getByTestId("workflow-row")).hasCount(1);
        visit(page, "/workflows/new", "builder-new-" + lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void aProjectHandlersWorkflowPages(String lang) {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        Page page = browser.open(port);
        page.navigate("/login?lang=" + lang);
        Browser.signIn(page, handler.email(), TestData.PASSWORD);
        visit(page, "/workflows", "workflows-empty-handler-" + lang);

        WorkflowView workflow = workflows.createFromTemplate(tenant.admin(), "machinery-technical-file");
        visit(page, "/workflows", "workflows-handler-" + lang);
        visit(page, "/workflows/" + workflow.id(), "workflow-view-handler-" + lang);
        assertThat(page.getByTestId("edit")).hasCount(0);
    }

    /** On a narrow window (a tablet, a phone) nothing scrolls sideways and every control stays usable. */
    @Test
    void narrowWindows() {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser manager = tenant.user(Role.PROCESS_MANAGER);
        WorkflowView workflow = workflows.createFromTemplate(manager, "lvd-ict-equipment");
        WorkflowInput changed = workflow.toInput();
        workflows.update(manager, workflow.id(), new WorkflowInput("LVD, adapted", changed.description(),
                changed.buckets(), changed.criteria().subList(1, changed.criteria().size())));
        Page page = browser.open(port);
        Browser.signIn(page, manager.email(), TestData.PASSWORD);
        for (int width : new int[] {768, 390}) {
            page.setViewportSize(width, 900);
            visit(page, "/workflows", "narrow-" + width + "-workflows");
            visit(page, "/workflows/" + workflow.id(), "narrow-" + width + "-view");
            visit(page, "/workflows/" + workflow.id() + "/diff", "narrow-" + width + "-diff");
            page.navigate("/workflows/" + workflow.id() + "/edit");
            page.locator("#criterion-0-toggle").click();
            page.locator("#criterion-0-new-check-type").selectOption("same_value");
            page.locator("#criterion-0-add-check").click();
            assertThat(page.locator("#criterion-0-check-0-pattern")).isVisible();
            check(page, "narrow-" + width + "-builder");
        }
    }

    /** Twenty criteria stay workable: closed rows to scan, one open to edit. */
    @Test
    void aBuilderWithTwentyCriteria() {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser manager = tenant.user(Role.PROCESS_MANAGER);
        WorkflowInput template = workflows.template("mdr-annex-ii-technical-documentation");
        List<WorkflowInput.CriterionInput> criteria = new ArrayList<>(template.criteria());
        for (int i = criteria.size(); i < 20; i++) {
            criteria.add(new WorkflowInput.CriterionInput(null, "Additional requirement " + (i + 1), "Plain-language rule.",
                    List.of("*"), i % 3 == 0 ? "advisory" : "required", i,
                    List.of(new Check.Contains(List.of("Phrase " + i), null))));
        }
        WorkflowView workflow = workflows.create(manager,
                new WorkflowInput(template.name(), template.description(), template.buckets(), criteria.subList(0, 20)));
        Page page = browser.open(port);
        Browser.signIn(page, manager.email(), TestData.PASSWORD);
        page.navigate("/workflows/" + workflow.id() + "/edit");
        assertThat(page.getByTestId("criterion")).hasCount(20);
        Browser.capture(page, "builder-20-criteria");
        page.locator("#criterion-4-toggle").click();
        page.locator("#criterion-4-down").click();
        assertThat(page.locator("#criterion-5-down")).isFocused();
        assertThat(page.getByTestId("builder-status")).hasText("Criterion moved to position 6 of 20.");
        assertThat(page.locator("#criterion-5-body")).isVisible();
        Browser.capture(page, "builder-20-criteria-one-open");
        PageChecks.assertUsable(browser, page);
        assertThat(browser.problems(page)).isEmpty();
    }

    private void visit(Page page, String path, String name) {
        page.navigate(path);
        check(page, name);
    }

    private void check(Page page, String name) {
        page.waitForLoadState(LoadState.LOAD); // after a click that navigates, the style sheet may still be on its way
        Browser.capture(page, name);
        PageChecks.assertUsable(browser, page);
    }
}

package com.qteria.workflow;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.Browser;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 3, acceptance 3, in a real Chromium: a process manager builds a workflow in the builder (three buckets, one
 * moved by drag and drop, five criteria, four check types), saves it, edits it to version 2 and reads the diff; a
 * project handler sees no edit controls and the API refuses their write.
 */
@QteriaTest
class WorkflowBuilderBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    WorkflowManagement workflows;

    @Test
    void aProcessManagerBuildsAWorkflowEditsItToVersion2AndAHandlerOnlyReadsIt() {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser manager = tenant.user(Role.PROCESS_MANAGER);
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        Page page = browser.open(port);
        Browser.signIn(page, manager.email(), TestData.PASSWORD);

        page.getByTestId("nav-workflows").click();
        assertThat(page.getByTestId("empty-state")).isVisible();
        page.getByTestId("empty-create").click();
        assertThat(page.locator("h1")).hasText("New workflow");

        page.locator("#workflow-name").fill("Low Voltage Directive - ICT equipment");
        page.locator("#workflow-description").fill("Technical documentation under 2014/35/EU.");
        page.locator("#bucket-0-name").fill("Test reports");
        addBucket(page, 1, "Declaration of conformity");
        addBucket(page, 2, "Risk assessment");
        page.locator("#bucket-2-required").uncheck();

        // The declaration goes first, dragged by its handle above the test reports.
        Locator rows = page.getByTestId("bucket-row");
        rows.nth(1).getByTestId("drag-handle").dragTo(rows.nth(0),
                new Locator.DragToOptions().setTargetPosition(60, 5).setSteps(15));
        assertThat(page.locator("#bucket-0-name")).hasValue("Declaration of conformity");
        assertThat(page.locator("#bucket-1-name")).hasValue("Test reports");
        assertThat(page.locator("#bucket-2-name")).hasValue("Risk assessment");
        assertThat(page.getByTestId("builder-status")).hasText("");

        // Five criteria; buckets now: 0 declaration, 1 test reports, 2 risk assessment.
        criterion(page, 0, "Test report cites IEC 62368-1", 1);
        addCheck(page, 0, "contains");
        page.locator("#criterion-0-check-0-all").fill("IEC 62368-1");

        page.getByTestId("add-criterion").click();
        criterion(page, 1, "Test report is recent", 1);
        addCheck(page, 1, "date_not_older");
        page.locator("#criterion-1-check-0-near").fill("Date of issue");
        page.locator("#criterion-1-check-0-months").fill("24");

        page.getByTestId("add-criterion").click();
        criterion(page, 2, "Declaration is signed", 0);
        addCheck(page, 2, "signed");

        page.getByTestId("add-criterion").click();
        criterion(page, 3, "Model designation agrees", -1);
        page.locator("#criterion-3-severity").selectOption("advisory");
        addCheck(page, 3, "matches");
        page.locator("#criterion-3-check-0-pattern").fill("Model: ([A-Z0-9-]+)");
        // Changing the type keeps what was typed, and the keyboard focus stays on the type.
        page.locator("#criterion-3-check-0-type").focus();
        page.locator("#criterion-3-check-0-type").selectOption("same_value");
        assertThat(page.locator("#criterion-3-check-0-across-0")).isVisible();
        assertThat(page.locator("#criterion-3-check-0-type")).isFocused();
        assertThat(page.locator("#criterion-3-check-0-pattern")).hasValue("Model: ([A-Z0-9-]+)");
        page.locator("#criterion-3-check-0-across-0").check();
        page.locator("#criterion-3-check-0-across-1").check();
        page.locator("#criterion-3-check-0-sample").fill("Model: QX-100\nRated voltage 230 V");
        page.locator("#criterion-3-check-0-try").click();
        assertThat(page.locator("#criterion-3-check-0-preview")).containsText("1 match in the sample text");
        assertThat(page.locator("#criterion-3-check-0-preview .captured")).hasText("QX-100");

        page.getByTestId("add-criterion").click();
        criterion(page, 4, "Risk assessment covers all life-cycle phases", 2);
        page.locator("#criterion-4-description").fill("Transport, installation, use, maintenance and dismantling.");

        page.getByTestId("save").click();
        assertThat(page.getByTestId("notice")).hasText("The workflow was created as version 1.");
        WorkflowId id = new WorkflowId(UUID.fromString(page.url().substring(page.url().lastIndexOf('/') + 1)));
        assertThat(page.getByTestId("bucket-name")).hasText(new String[] {"Declaration of conformity", "Test reports", "Risk assessment"});
        assertThat(page.getByTestId("criterion")).hasCount(5);

        WorkflowView saved = workflows.get(tenant.id(), id);
        assertThat(saved.buckets()).extracting(Bucket::name)
                .containsExactly("Declaration of conformity", "Test reports", "Risk assessment");
        assertThat(saved.buckets()).extracting(Bucket::required).containsExactly(true, true, false);
        assertThat(saved.criteria()).extracting(Criterion::appliesTo).containsExactly(List.of("test_reports"),
                List.of("test_reports"), List.of("declaration_of_conformity"), List.of("*"), List.of("risk_assessment"));
        assertThat(saved.criteria().stream().flatMap(c -> c.checks().stream()).map(Check::type))
                .containsExactly("contains", "date_not_older", "signed", "same_value");
        assertThat(saved.criteria().get(3).checks().getFirst())
                .isEqualTo(new Check.SameValue("Model: ([A-Z0-9-]+)", List.of("declaration_of_conformity", "test_reports")));

        // Version 2: the test report may be at most 12 months old, and the signature becomes advisory.
        page.getByTestId("edit").click();
        assertThat(page.locator("h1")).hasText("Edit workflow (version 1)");
        toggle(page, 1);
        page.locator("#criterion-1-check-0-months").fill("12");
        toggle(page, 2);
        page.locator("#criterion-2-severity").selectOption("advisory");
        page.getByTestId("save").click();
        assertThat(page.getByTestId("notice")).containsText("Saved as version 2.");
        assertThat(page.getByTestId("version")).hasText("2");

        page.getByTestId("history").click();
        assertThat(page.getByTestId("version-row")).hasCount(2);
        page.getByTestId("compare").click();
        assertThat(page.getByTestId("diff-heading")).hasText("Changes from version 1 to version 2");
        Locator recent = page.locator("[data-testid=diff-item][data-key=test_report_is_recent]");
        assertThat(recent.getByTestId("diff-row")).hasText(
                "Check 1 A date next to \u201cDate of issue\u201d is not older than 24 months"
                        + " A date next to \u201cDate of issue\u201d is not older than 12 months");
        Locator signed = page.locator("[data-testid=diff-item][data-key=declaration_is_signed]");
        assertThat(signed.getByTestId("diff-row")).hasText("Severity Required Advisory");
        assertThat(page.getByTestId("diff-item")).hasCount(2);
        assertThat(browser.problems(page)).isEmpty();

        // The project handler reads the workflow but has no way to change it, and the API refuses.
        Page reader = browser.open(port);
        Browser.signIn(reader, handler.email(), TestData.PASSWORD);
        reader.navigate("/workflows/" + id);
        assertThat(reader.getByTestId("workflow-heading")).hasText("Low Voltage Directive - ICT equipment");
        assertThat(reader.getByTestId("criterion")).hasCount(5);
        assertThat(reader.getByTestId("edit")).hasCount(0);
        assertThat(reader.getByTestId("archive")).hasCount(0);
        reader.navigate("/workflows");
        assertThat(reader.getByTestId("workflow-row")).hasCount(1);
        assertThat(reader.getByTestId("create-workflow")).hasCount(0);
        assertThat(reader.getByTestId("import-form")).hasCount(0);
        assertThat(reader.navigate("/workflows/" + id + "/edit").status()).isEqualTo(403);

        APIResponse refused = reader.request().put("/api/v1/workflows/" + id, RequestOptions.create()
                .setHeader("Authorization", "Bearer " + data.tokenFor(handler))
                .setHeader("Content-Type", "application/json")
                .setData("{\"name\": \"Mine\", \"buckets\": [{\"name\": \"B\"}], \"criteria\": [{\"name\": \"C\", \"applies_to\": [\"*\"]}]}"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(workflows.get(tenant.id(), id).version()).isEqualTo(2);
    }

    private static void addBucket(Page page, int index, String name) {
        page.getByTestId("add-bucket").click();
        Locator input = page.locator("#bucket-" + index + "-name");
        assertThat(input).isFocused();
        input.fill(name);
    }

    /** Names criterion {@code index} and routes it to one bucket by position, or to all buckets with -1. */
    private static void criterion(Page page, int index, String name, int bucket) {
        Locator input = page.locator("#criterion-" + index + "-name");
        assertThat(input).isVisible();
        input.fill(name);
        Locator all = page.locator("#criterion-" + index + "-all");
        if (bucket < 0) {
            all.check();
        } else {
            all.uncheck();
            page.locator("#criterion-" + index + "-applies-" + bucket).check();
        }
    }

    private static void addCheck(Page page, int criterion, String type) {
        int before = page.locator("#criterion-" + criterion + "-body [data-testid=check]").count();
        page.locator("#criterion-" + criterion + "-new-check-type").selectOption(type);
        page.locator("#criterion-" + criterion + "-add-check").click();
        Locator select = page.locator("#criterion-" + criterion + "-check-" + before + "-type");
        assertThat(select).isFocused();
        assertThat(select).hasValue(type);
    }

    private static void toggle(Page page, int criterion) {
        page.locator("#criterion-" + criterion + "-toggle").click();
        assertThat(page.locator("#criterion-" + criterion + "-body")).isVisible();
    }
}

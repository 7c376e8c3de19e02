package com.qteria.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The workflow pages and the builder's server side, through MockMvc with a signed-in session: who may do what,
 * errors at the right fields, "try this pattern", templates and file import.
 */
@QteriaTest
class WorkflowPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    WorkflowManagement workflows;

    TestData.Tenant tenant;
    CurrentUser manager;
    CurrentUser handler;

    @BeforeEach
    void people() {
        tenant = data.newTenant();
        manager = tenant.user(Role.PROCESS_MANAGER);
        handler = tenant.user(Role.PROJECT_HANDLER);
    }

    @Test
    void handlersReadWorkflowsButCannotOpenTheBuilderOrWrite() throws Exception {
        WorkflowView workflow = machinery(manager);
        Document page = html(mvc.perform(get("/workflows/" + workflow.id()).with(as(handler))).andExpect(status().isOk()).andReturn());
        assertThat(page.select("[data-testid=workflow-heading]").text()).isEqualTo("Machinery");
        assertThat(page.select("[data-testid=edit], [data-testid=archive], form[action*=archive], [data-testid^=export]")).isEmpty();
        assertThat(page.select("[data-testid=history]")).hasSize(1);
        Document list = html(mvc.perform(get("/workflows").with(as(handler))).andExpect(status().isOk()).andReturn());
        assertThat(list.select("[data-testid=workflow-row]")).hasSize(1);
        assertThat(list.select("[data-testid=create-workflow], [data-testid=import-form], [data-testid=start-from-template]")).isEmpty();

        mvc.perform(get("/workflows/new").with(as(handler))).andExpect(status().isForbidden());
        mvc.perform(post("/workflows/new").param("action", "save").param("name", "Mine").with(as(handler)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/workflows/" + workflow.id() + "/edit").with(as(handler))).andExpect(status().isForbidden());
        mvc.perform(post("/workflows/" + workflow.id() + "/edit").param("action", "save").param("name", "Changed")
                .with(as(handler)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/workflows/" + workflow.id() + "/archive").with(as(handler)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/workflows/from-template").param("template", "machinery-technical-file").with(as(handler)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/workflows/pattern-preview").param("action", "preview:criteria[0].checks[0]")
                .with(as(handler)).with(csrf())).andExpect(status().isForbidden());
        assertThat(workflows.get(tenant.id(), workflow.id()).version()).isEqualTo(1);
        assertThat(workflows.get(tenant.id(), workflow.id()).archived()).isFalse();
    }

    @Test
    void anotherOrganizationsWorkflowIsAPageNotFound() throws Exception {
        WorkflowView foreign = machinery(data.newTenant().admin());
        for (String path : List.of("", "/edit", "/versions", "/versions/1", "/diff?from=1&to=1", "/export?format=yaml")) {
            MvcResult result = mvc.perform(get("/workflows/" + foreign.id() + path).with(as(manager)))
                    .andExpect(status().isNotFound()).andReturn();
            assertThat(html(result).select("[data-testid=error-page]").attr("data-status")).as(path).isEqualTo("404");
        }
        mvc.perform(post("/workflows/" + foreign.id() + "/edit").param("action", "save").param("name", "Mine")
                .with(as(manager)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/workflows/" + UUID.randomUUID()).with(as(manager))).andExpect(status().isNotFound());
        mvc.perform(get("/workflows/not-an-id").with(as(manager))).andExpect(status().isNotFound());
    }

    @Test
    void saveErrorsAreShownAtTheirFieldsAndInTheSummary() throws Exception {
        MockHttpServletRequestBuilder request = post("/workflows/new").with(as(manager)).with(csrf())
                .param("action", "save")
                .param("name", "")
                .param("buckets[0].ref", "new-aaaa").param("buckets[0].name", "Test reports").param("buckets[0].required", "true")
                .param("buckets[1].ref", "new-bbbb").param("buckets[1].name", "Declaration")
                .param("criteria[0].ref", "new-cccc").param("criteria[0].name", "Model agrees")
                .param("criteria[0].appliesTo", "*").param("criteria[0].severity", "required")
                .param("criteria[0].checks[0].type", "same_value")
                .param("criteria[0].checks[0].pattern", "Model: ([A-Z]+)-([0-9]+)")
                .param("criteria[0].checks[0].across", "new-aaaa", "new-bbbb")
                .param("criteria[0].checks[1].type", "date_not_older")
                .param("criteria[0].checks[1].near", "Date of issue")
                .param("criteria[0].checks[1].months", "0");
        Document page = html(mvc.perform(request).andExpect(status().isOk()).andReturn());

        Element pattern = page.getElementById("criterion-0-check-0-pattern");
        assertThat(pattern.attr("aria-invalid")).isEqualTo("true");
        assertThat(pattern.attr("aria-describedby")).contains("criterion-0-check-0-pattern-error");
        assertThat(page.getElementById("criterion-0-check-0-pattern-error").text())
                .contains("exactly one capture group").contains("has 2");
        assertThat(page.getElementById("criterion-0-check-1-months-error").text()).contains("from 1 to 1200");
        assertThat(page.getElementById("workflow-name-error").text()).isEqualTo("Fill in this field.");
        assertThat(page.select("[data-testid=error-summary] a").eachAttr("href"))
                .containsExactlyInAnyOrder("#workflow-name", "#criterion-0-check-0-pattern", "#criterion-0-check-1-months");
        // What was typed is still there, and nothing was saved.
        assertThat(page.getElementById("bucket-1-name").val()).isEqualTo("Declaration");
        assertThat(page.getElementById("criterion-0-check-0-across-1").hasAttr("checked")).isTrue();
        assertThat(workflows.list(tenant.id(), "", false, com.qteria.shared.Paging.of(0, 10)).items()).isEmpty();
    }

    @Test
    void errorsAreInGermanOnGermanPages() throws Exception {
        Document page = html(mvc.perform(post("/workflows/new").with(as(manager)).with(csrf()).param("lang", "de")
                .header("Accept-Language", "de").param("action", "save").param("name", "Prüfung")
                .param("buckets[0].name", "Prüfberichte")
                .param("criteria[0].name", "").param("criteria[0].appliesTo", "*")
                .param("criteria[0].checks[0].type", "matches").param("criteria[0].checks[0].pattern", "(unclosed"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.getElementById("criterion-0-name-error").text()).isEqualTo("Füllen Sie dieses Feld aus.");
        assertThat(page.getElementById("criterion-0-check-0-pattern-error").text()).startsWith("Das ist kein gültiges Muster");
    }

    @Test
    void aValidWorkflowIsSavedWithKeysFromNamesAndRefsResolved() throws Exception {
        mvc.perform(post("/workflows/new").with(as(manager)).with(csrf())
                        .param("action", "save").param("name", "Built in the page")
                        .param("buckets[0].ref", "new-aaaa").param("buckets[0].name", "Test reports").param("buckets[0].order", "1")
                        .param("buckets[0].required", "true")
                        .param("buckets[1].ref", "new-bbbb").param("buckets[1].name", "Declaration").param("buckets[1].order", "0")
                        .param("criteria[0].ref", "new-cccc").param("criteria[0].name", "Signed").param("criteria[0].appliesTo", "new-bbbb")
                        .param("criteria[0].severity", "advisory")
                        .param("criteria[0].checks[0].type", "signed"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/workflows/*"));
        WorkflowView saved = workflows.list(tenant.id(), "Built", false, com.qteria.shared.Paging.of(0, 10)).items().getFirst();
        assertThat(saved.buckets()).extracting(Bucket::key).containsExactly("declaration", "test_reports");
        assertThat(saved.buckets()).extracting(Bucket::required).containsExactly(false, true);
        assertThat(saved.criteria().getFirst().appliesTo()).containsExactly("declaration");
        assertThat(saved.criteria().getFirst().severity()).isEqualTo(Severity.ADVISORY);
        assertThat(saved.criteria().getFirst().checks()).containsExactly(new Check.Signed());
    }

    @Test
    void htmxActionsReRenderTheBuilderWithoutSaving() throws Exception {
        MvcResult result = mvc.perform(post("/workflows/new").with(as(manager)).with(csrf()).header("HX-Request", "true")
                        .param("action", "up-bucket:new-bbbb").param("name", "Draft")
                        .param("buckets[0].ref", "new-aaaa").param("buckets[0].name", "First")
                        .param("buckets[1].ref", "new-bbbb").param("buckets[1].name", "Second"))
                .andExpect(status().isOk()).andReturn();
        Document fragment = html(result);
        assertThat(fragment.select("html")).as("a fragment, not a page").allMatch(e -> e.select("header").isEmpty());
        assertThat(fragment.getElementById("builder-body").attr("data-focus")).isEqualTo("bucket-0-down");
        assertThat(fragment.getElementById("bucket-0-name").val()).isEqualTo("Second");
        assertThat(fragment.getElementById("bucket-1-name").val()).isEqualTo("First");
        assertThat(workflows.list(tenant.id(), "Draft", false, com.qteria.shared.Paging.of(0, 10)).items()).isEmpty();

        Document added = html(mvc.perform(post("/workflows/new").with(as(manager)).with(csrf()).header("HX-Request", "true")
                        .param("action", "add-check:new-cccc")
                        .param("buckets[0].ref", "new-aaaa").param("buckets[0].name", "First")
                        .param("criteria[0].ref", "new-cccc").param("criteria[0].newCheckType", "min_pages"))
                .andExpect(status().isOk()).andReturn());
        assertThat(added.getElementById("criterion-0-check-0-type").select("option[selected]").val()).isEqualTo("min_pages");
        assertThat(added.getElementById("criterion-0-check-0-pages")).isNotNull();
    }

    @Test
    void savingThroughHtmxRedirectsTheBrowser() throws Exception {
        WorkflowView workflow = machinery(manager);
        MockHttpServletRequestBuilder save = editForm(workflow, "Machinery v2").header("HX-Request", "true").param("action", "save");
        mvc.perform(save).andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/workflows/" + workflow.id()));
        WorkflowView updated = workflows.get(tenant.id(), workflow.id());
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.name()).isEqualTo("Machinery v2");
        assertThat(updated.toInput().criteria()).isEqualTo(workflow.toInput().criteria());
        assertThat(updated.toInput().buckets()).isEqualTo(workflow.toInput().buckets());
    }

    @Test
    void savingOverSomeoneElsesNewerVersionAsksFirst() throws Exception {
        WorkflowView workflow = machinery(manager);
        MockHttpServletRequestBuilder mine = editForm(workflow, "Mine").param("action", "save");
        workflows.update(tenant.admin(), workflow.id(), new WorkflowInput("Theirs", null,
                workflow.toInput().buckets(), workflow.toInput().criteria()));

        Document page = html(mvc.perform(mine).andExpect(status().isOk()).andReturn());
        assertThat(page.select("[data-testid=error-summary]").text()).contains("Someone saved version 2 while you were editing version 1");
        assertThat(page.select("[data-testid=conflict-diff]").attr("href")).isEqualTo("/workflows/" + workflow.id() + "/diff?from=1&to=2");
        assertThat(workflows.get(tenant.id(), workflow.id()).name()).isEqualTo("Theirs");

        mvc.perform(editForm(workflow, "Mine").param("action", "save-anyway")).andExpect(status().is3xxRedirection());
        WorkflowView saved = workflows.get(tenant.id(), workflow.id());
        assertThat(saved.version()).isEqualTo(3);
        assertThat(saved.name()).isEqualTo("Mine");
    }

    @Test
    void tryThisPatternShowsMatchesCapturesAndProblems() throws Exception {
        Document matches = preview("same_value", "Model: ([A-Z0-9-]+)", "Model: QX-100 and later Model: QX-200\nModel: lower");
        assertThat(matches.select("[data-testid=preview-count]").text()).isEqualTo("2 matches in the sample text:");
        assertThat(matches.select(".matches li")).hasSize(2);
        assertThat(matches.select(".matches li code.captured").eachText()).containsExactly("QX-100", "QX-200");

        Document twoGroups = preview("same_value", "Model: ([A-Z]+)-([0-9]+)", "Model: QX-100");
        assertThat(twoGroups.select("[data-testid=preview-problem]").text()).contains("exactly one capture group");

        Document invalid = preview("matches", "(EN 60204", "EN 60204-1");
        assertThat(invalid.select("[data-testid=preview-problem]").text()).startsWith("This is not a valid pattern:");

        Document none = preview("matches", "IEC 6\\d{4}", "EN 60204-1");
        assertThat(none.select("[data-testid=preview-count]").text()).isEqualTo("No match in the sample text.");

        Document noSample = preview("matches", "IEC", "");
        assertThat(noSample.select("[data-testid=preview-problem]").text()).contains("Paste some sample text");
    }

    @Test
    void tryThisPatternRefusesOrStopsCostlyPatternsWithinItsBudget() throws Exception {
        Document bomb = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> preview("matches", "((a{1000}){1000}){1000}", "aaa"));
        assertThat(bomb.select("[data-testid=preview-problem]").text())
                .startsWith("This pattern has nested repetitions that multiply out to more than 100,000 elements");

        Document slow = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> preview("matches", "(?:a{1,300}){300}b", "a".repeat(20_000)));
        assertThat(slow.select("[data-testid=preview-problem]").text())
                .startsWith("The pattern took too long on this text and was stopped.");

        Document deep = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> preview("matches", "(a|aa)+\\1b", "a".repeat(20_000)));
        assertThat(deep.select("[data-testid=preview-problem]").text())
                .startsWith("The pattern searched too deeply in this text and was stopped.");
    }

    @Test
    void savingACompileBombShowsTheReasonAtItsField() throws Exception {
        Document page = html(mvc.perform(post("/workflows/new").with(as(manager)).with(csrf())
                .param("action", "save").param("name", "Bomb")
                .param("buckets[0].ref", "new-aaaa").param("buckets[0].name", "Test reports")
                .param("criteria[0].ref", "new-cccc").param("criteria[0].name", "Model")
                .param("criteria[0].appliesTo", "*").param("criteria[0].severity", "required")
                .param("criteria[0].checks[0].type", "matches")
                .param("criteria[0].checks[0].pattern", "((a{1000}){1000}){1000}"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.getElementById("criterion-0-check-0-pattern-error").text())
                .contains("nested repetitions that multiply out to more than 100,000 elements");
        assertThat(workflows.list(tenant.id(), "", false, com.qteria.shared.Paging.of(0, 10)).items()).isEmpty();
    }

    @Test
    void withoutScriptTryingAPatternShowsTheResultInThePage() throws Exception {
        Document page = html(mvc.perform(post("/workflows/new").with(as(manager)).with(csrf())
                        .param("action", "preview:criteria[0].checks[0]")
                        .param("buckets[0].name", "Reports")
                        .param("criteria[0].name", "Standard").param("criteria[0].appliesTo", "*")
                        .param("criteria[0].checks[0].type", "matches")
                        .param("criteria[0].checks[0].pattern", "EN 6\\d{4}")
                        .param("criteria[0].checks[0].sample", "Tested to EN 60204-1 and EN 61000-6-2"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select("header")).as("the whole page").isNotEmpty();
        assertThat(page.select("#criterion-0-check-0-preview [data-testid=preview-count]").text())
                .isEqualTo("2 matches in the sample text:");
        assertThat(page.getElementById("builder-body").attr("data-focus")).isEqualTo("criterion-0-check-0-preview");
        assertThat(page.getElementById("criterion-0-check-0-sample").text()).isEqualTo("Tested to EN 60204-1 and EN 61000-6-2");
    }

    @Test
    void aProcessManagerExportsAndArchivesAWorkflow() throws Exception {
        WorkflowView workflow = machinery(manager);
        MvcResult json = mvc.perform(get("/workflows/" + workflow.id() + "/export").param("format", "json").with(as(handler)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"Machinery.json\""))
                .andReturn();
        assertThat(json.getResponse().getContentAsString()).contains("\"applies_to\"").doesNotContain("\"id\"");

        mvc.perform(post("/workflows/" + workflow.id() + "/archive").with(as(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(workflows.get(tenant.id(), workflow.id()).archived()).isTrue();
        Document view = html(mvc.perform(get("/workflows/" + workflow.id()).with(as(manager))).andExpect(status().isOk()).andReturn());
        assertThat(view.select("[data-testid=archived-tag]")).hasSize(1);
        assertThat(view.select("[data-testid=edit], [data-testid=archive]")).isEmpty();
        mvc.perform(get("/workflows/" + workflow.id() + "/edit").with(as(manager)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/workflows/" + workflow.id()));
        Document archived = html(mvc.perform(get("/workflows").param("archived", "true").with(as(manager))).andReturn());
        assertThat(archived.select("[data-testid=workflow-row]").eachAttr("data-name")).containsExactly("Machinery");
        Document active = html(mvc.perform(get("/workflows").with(as(manager))).andReturn());
        assertThat(active.select("[data-testid=workflow-row]")).isEmpty();
        assertThat(active.select("[data-testid=no-results]").text()).contains("Every workflow is archived");
    }

    @Test
    void startingFromATemplateCreatesAWorkflowAndOpensIt() throws Exception {
        Document templates = html(mvc.perform(get("/workflows/templates").with(as(manager))).andExpect(status().isOk()).andReturn());
        List<String> keys = templates.select("[data-testid=template]").eachAttr("data-key");
        assertThat(keys).hasSizeGreaterThanOrEqualTo(3)
                .containsExactlyInAnyOrderElementsOf(workflows.templates().stream().map(WorkflowTemplate::key).toList());

        MvcResult created = mvc.perform(post("/workflows/from-template").param("template", "machinery-technical-file")
                        .with(as(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        Document view = html(mvc.perform(get(location).with(as(manager))).andExpect(status().isOk()).andReturn());
        assertThat(view.select("[data-testid=workflow-heading]").text()).isEqualTo(workflows.template("machinery-technical-file").name());
        assertThat(view.select("[data-testid=criterion]")).hasSize(workflows.template("machinery-technical-file").criteria().size());
    }

    @Test
    void aWorkflowFileIsImportedAndABrokenOneExplained() throws Exception {
        WorkflowView original = machinery(manager);
        MvcResult yaml = mvc.perform(get("/workflows/" + original.id() + "/export").param("format", "yaml").with(as(manager)))
                .andExpect(status().isOk()).andReturn();
        byte[] file = yaml.getResponse().getContentAsByteArray();

        MvcResult imported = mvc.perform(multipart("/workflows/import")
                        .file(new MockMultipartFile("file", "machinery.yaml", "application/octet-stream", file))
                        .with(as(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        WorkflowId id = new WorkflowId(UUID.fromString(imported.getResponse().getRedirectedUrl().substring("/workflows/".length())));
        assertThat(workflows.get(tenant.id(), id).toInput()).isEqualTo(original.toInput());

        String broken = new String(file, StandardCharsets.UTF_8).replace("months: 24", "months: 0");
        MvcResult rejected = mvc.perform(multipart("/workflows/import")
                        .file(new MockMultipartFile("file", "broken.yml", "application/yaml", broken.getBytes(StandardCharsets.UTF_8)))
                        .with(as(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(rejected.getResponse().getRedirectedUrl()).isEqualTo("/workflows");
        assertThat(rejected.getFlashMap().get("importProblem").toString()).startsWith("broken.yml was not imported");
        assertThat(rejected.getFlashMap().get("importErrors").toString()).contains("criteria[1].checks[0].months");
    }

    /** The edit form as the page shows it, with a new name: what the browser would send. */
    private MockHttpServletRequestBuilder editForm(WorkflowView workflow, String name) throws Exception {
        Document page = html(mvc.perform(get("/workflows/" + workflow.id() + "/edit").with(as(manager)))
                .andExpect(status().isOk()).andReturn());
        MockHttpServletRequestBuilder save = post("/workflows/" + workflow.id() + "/edit").with(as(manager)).with(csrf());
        for (Element input : page.select("#builder input[name], #builder textarea[name], #builder select[name]")) {
            String field = input.attr("name");
            if (field.equals("_csrf") || (input.attr("type").equals("checkbox") && !input.hasAttr("checked"))) {
                continue;
            }
            String value = input.tagName().equals("select") ? input.select("option[selected]").val()
                    : input.tagName().equals("textarea") ? input.text() : input.val();
            save.param(field, field.equals("name") ? name : value);
        }
        return save;
    }

    private Document preview(String type, String pattern, String sample) throws Exception {
        return html(mvc.perform(post("/workflows/pattern-preview").with(as(manager)).with(csrf()).header("HX-Request", "true")
                        .param("action", "preview:criteria[2].checks[1]")
                        .param("criteria[2].checks[1].type", type)
                        .param("criteria[2].checks[1].pattern", pattern)
                        .param("criteria[2].checks[1].sample", sample))
                .andExpect(status().isOk()).andReturn());
    }

    private WorkflowView machinery(CurrentUser owner) {
        return workflows.create(owner, new WorkflowInput("Machinery", "Technical file",
                List.of(new WorkflowInput.BucketInput("test_reports", "Test reports", true, 0),
                        new WorkflowInput.BucketInput("declaration", "Declaration", true, 1)),
                List.of(new WorkflowInput.CriterionInput("tr_standard", "Cites EN 60204-1", "Names the standard.",
                                List.of("test_reports"), "required", 0,
                                List.of(new Check.Contains(List.of("EN 60204-1"), null))),
                        new WorkflowInput.CriterionInput("tr_date", "Recent", null, List.of("test_reports"), "required", 1,
                                List.of(new Check.DateNotOlder(List.of("Date of issue"), 24))),
                        new WorkflowInput.CriterionInput("model", "Model agrees", null, List.of("*"), "advisory", 2,
                                List.of(new Check.SameValue("Model: ([A-Z0-9-]+)", List.of("test_reports", "declaration")),
                                        new Check.Matches("CE", 2), new Check.MinPages(3), new Check.NotContains(List.of("draft")))))));
    }

    private static RequestPostProcessor as(CurrentUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority()))));
    }

    @Test
    void theCompareFormOffersEveryVersionOnBothSidesWithTheChosenOnesSelected() throws Exception {
        WorkflowView workflow = machinery(manager);
        Document page = html(mvc.perform(get("/workflows/" + workflow.id() + "/diff?from=1&to=1").with(as(handler)))
                .andExpect(status().isOk()).andReturn());
        for (String side : List.of("from", "to")) {
            Element select = page.selectFirst("select#compare-" + side);
            assertThat(select).as(side).isNotNull();
            assertThat(select.attr("name")).isEqualTo(side);
            assertThat(select.attr("data-testid")).isEqualTo("compare-" + side);
            assertThat(page.select("label[for=compare-" + side + "]")).hasSize(1);
            assertThat(select.select("option[selected]").eachAttr("value")).containsExactly("1");
        }
        assertThat(page.select("label[for=compare-from]").text()).isEqualTo("Compare version");
        assertThat(page.select("label[for=compare-to]").text()).isEqualTo("with version");
    }

    private static Document html(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}

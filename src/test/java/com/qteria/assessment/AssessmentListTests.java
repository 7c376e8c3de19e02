package com.qteria.assessment;

import static com.qteria.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.document.DocumentId;
import com.qteria.document.UploadedDocuments;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The assessments list, API and page: filters by status, workflow, text and the days started on (from/to), pages of
 * 50, an empty state for no assessments and another for no match, long names.
 */
@QteriaTest
class AssessmentListTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    AssessmentManagement assessments;
    @Autowired
    JdbcClient jdbc;

    /** AssessmentPagesController.LIST_SIZE: the page's rows. */
    static final int LIST_SIZE = 50;
    static final String LONG = "Machinery Directive 2006/42/EC technical file with every annex " + "x".repeat(120);

    /** Two workflows; three assessments started on 2026-01-10, 2026-02-10 and 2026-03-10, the last cancelled (set in the database once all have finished). */
    record Three(TestData.Tenant tenant, WorkflowId lvd, WorkflowId machinery, List<AssessmentId> ids) {
    }

    Three three() throws Exception {
        AssessmentsApiTests.Setup s = AssessmentsApiTests.setup(data, uploaded, workflows);
        WorkflowId machinery = workflows.create(s.tenant().admin(), new WorkflowInput(LONG, null,
                List.of(new WorkflowInput.BucketInput("test_reports", "Test reports", true, 0)),
                List.of(new WorkflowInput.CriterionInput("c", "C", null, List.of("*"), null, 0, null)))).id();
        DocumentId report = new DocumentId(UUID.fromString(s.report()));
        List<AssessmentId> ids = List.of(start(s, s.workflow(), "Client 4711", report),
                start(s, s.workflow(), "Client 4712", report), start(s, machinery, "Other client", report));
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("update assessments set created_at = :at where id = :id")
                    .param("at", OffsetDateTime.of(2026, i + 1, 10, 12, 0, 0, 0, ZoneOffset.UTC))
                    .param("id", ids.get(i).value()).update();
        }
        for (AssessmentId id : ids) {
            while (!List.of(AssessmentStatus.COMPLETED, AssessmentStatus.FAILED)
                    .contains(assessments.get(s.tenant().id(), id).status())) {
                Thread.sleep(20);
            }
        }
        jdbc.sql("update assessments set status = 'cancelled', summary = null where id = :id")
                .param("id", ids.get(2).value()).update();
        return new Three(s.tenant(), s.workflow(), machinery, ids);
    }

    private AssessmentId start(AssessmentsApiTests.Setup s, WorkflowId workflow, String reference, DocumentId report) {
        return assessments.start(s.tenant().admin(), new StartAssessment(workflow, reference,
                List.of(new StartAssessment.BucketDocument("test_reports", report)))).id();
    }

    @Test
    void theApiFiltersByTheDaysStartedOnAndRefusesWhatIsNoDate() throws Exception {
        Three t = three();
        String token = t.tenant().tokenOf(Role.PROJECT_HANDLER);
        mvc.perform(get("/api/v1/assessments?from=2026-02-01&to=2026-03-10").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.total_items").value(2))
                .andExpect(jsonPath("$.items[0].id").value(t.ids().get(2).toString()))
                .andExpect(jsonPath("$.items[1].id").value(t.ids().get(1).toString()));
        mvc.perform(get("/api/v1/assessments?to=2026-01-10&workflow_id=" + t.lvd()).header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.page.total_items").value(1))
                .andExpect(jsonPath("$.items[0].reference").value("Client 4711"));
        mvc.perform(get("/api/v1/assessments?from=2026-03-11").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.page.total_items").value(0));
        mvc.perform(get("/api/v1/assessments?from=10.03.2026").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/assessments?from=2026-03-02&to=2026-03-01").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void thePageFiltersByStatusWorkflowTextAndDaysAndKeepsTheFilters() throws Exception {
        Three t = three();
        CurrentUser handler = t.tenant().user(Role.PROJECT_HANDLER);

        Document all = page(handler, "/assessments");
        assertThat(all.select("[data-testid=assessment-row]")).hasSize(3);
        assertThat(all.select("[data-testid=filter-workflow] option")).hasSize(3);
        assertThat(all.select("[data-testid=assessment-row] td.wrap").text()).contains(LONG);
        assertThat(all.select("[data-testid=clear-filters]")).isEmpty();

        Document cancelled = page(handler, "/assessments?status=cancelled");
        assertThat(cancelled.select("[data-testid=assessment-row] a").text()).isEqualTo("Other client");
        assertThat(cancelled.select("[data-testid=filter-status] option[selected]").val()).isEqualTo("cancelled");

        Document lvd = page(handler, "/assessments?workflow=" + t.lvd() + "&q=4712");
        assertThat(lvd.select("[data-testid=assessment-row] a").text()).isEqualTo("Client 4712");
        assertThat(lvd.select("[data-testid=filter-workflow] option[selected]").val()).isEqualTo(t.lvd().toString());
        assertThat(lvd.select("[data-testid=search]").val()).isEqualTo("4712");

        Document days = page(handler, "/assessments?from=2026-01-01&to=2026-02-28");
        assertThat(days.select("[data-testid=assessment-row]")).hasSize(2);
        assertThat(days.select("[data-testid=filter-from]").val()).isEqualTo("2026-01-01");

        Document none = page(handler, "/assessments?q=nothing+like+this");
        assertThat(none.select("[data-testid=no-results]").text()).contains("No assessment matches these filters.");
        assertThat(none.select("[data-testid=empty-state]")).isEmpty();

        Document bad = page(handler, "/assessments?from=yesterday&lang=de");
        assertThat(bad.select("[data-testid=problem]").text()).contains("YYYY-MM-DD");
        assertThat(bad.select("[data-testid=assessment-row]")).hasSize(3);
        assertThat(bad.select("[data-testid=filters]").text()).contains("Jeder Status", "Gestartet ab");
    }

    @Test
    void anOrganizationWithoutAssessmentsSeesTheNextStepNotTheFilters() throws Exception {
        Document empty = page(data.newTenant().user(Role.PROJECT_HANDLER), "/assessments");
        assertThat(empty.select("[data-testid=empty-state] a").attr("href")).isEqualTo("/assessments/new");
        assertThat(empty.select("[data-testid=filters]")).isEmpty();
    }

    @Test
    void morePagesThanOneAreReachedWithTheFiltersKept() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        UUID workflow = UUID.randomUUID();
        for (int i = 0; i < LIST_SIZE + 2; i++) {
            jdbc.sql("""
                    insert into assessments (id, organization_id, workflow_id, workflow_version, workflow_name, reference,
                        status, as_of, created_at)
                    values (:id, :tenant, :workflow, 1, 'LVD', :reference, 'cancelled', :day, :at)""")
                    .param("id", UUID.randomUUID()).param("tenant", tenant.id().value()).param("workflow", workflow)
                    .param("reference", "Project " + i).param("day", LocalDate.of(2026, 1, 1))
                    .param("at", OffsetDateTime.of(2026, 1, 1, 0, i, 0, 0, ZoneOffset.UTC)).update();
        }
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        Document first = page(handler, "/assessments?status=cancelled&q=project");
        assertThat(first.select("[data-testid=assessment-row]")).hasSize(LIST_SIZE);
        String next = first.select("[data-testid=next]").attr("href");
        assertThat(next).contains("page=1", "status=cancelled", "q=project");
        Document second = page(handler, next);
        assertThat(second.select("[data-testid=assessment-row] a").eachText()).containsExactly("Project 1", "Project 0");
        assertThat(second.select("[data-testid=previous]")).hasSize(1);
    }

    private Document page(CurrentUser user, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }
}

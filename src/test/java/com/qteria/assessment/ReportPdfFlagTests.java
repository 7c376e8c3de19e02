package com.qteria.assessment;

import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.document.UploadedDocuments;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.WithOperator;
import com.qteria.support.SignedIn;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The PDF report ships behind the {@code report_pdf} flag (issue 14, acceptance 3): off by default, it does not exist
 * (404 with the usual problem, no link on the results page or a share link's page); switched on for one pilot
 * organization it is there for that organization only; a person's own switch wins over the organization's, the
 * organization's over the operator's switch for everyone; every switch is in the audit log with the flag's name and
 * who switched it.
 */
@QteriaTest
@WithOperator
class ReportPdfFlagTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    JdbcClient jdbc;

    @Test
    void switchedOnForOnePilotOrganizationOnlyThatOrganizationGetsTheReportInTheApiAndOnItsPages() throws Exception {
        ResultReviewApiTests.Completed pilot = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        ResultReviewApiTests.Completed other = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        String pilotShare = share(pilot);
        String otherShare = share(other);
        for (ResultReviewApiTests.Completed c : new ResultReviewApiTests.Completed[] {pilot, other}) {
            absent(c, c.token());
        }
        assertThat(sharedPage(pilotShare)).doesNotContain("shared-pdf", "report.pdf\"");
        mvc.perform(get(pilotShare + "/report.pdf")).andExpect(status().isNotFound());

        mvc.perform(json(put("/api/v1/feature-flags/report_pdf"), pilot.setup().tenant().adminToken(),
                        "{\"enabled\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.key").value("report_pdf"))
                .andExpect(jsonPath("$.organization").value(true))
                .andExpect(jsonPath("$.enabled").value(true));

        present(pilot, pilot.token());
        assertThat(sharedPage(pilotShare)).contains("data-testid=\"shared-pdf\"", pilotShare + "/report.pdf\"");
        mvc.perform(get(pilotShare + "/report.pdf")).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));

        absent(other, other.token());
        assertThat(sharedPage(otherShare)).doesNotContain("shared-pdf");
        mvc.perform(get(otherShare + "/report.pdf")).andExpect(status().isNotFound());

        String audit = mvc.perform(get("/api/v1/audit-events?action=feature_flag.switched")
                        .header("Authorization", "Bearer " + pilot.setup().tenant().adminToken()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(audit, "$.items.length()")).isEqualTo(1);
        assertThat(JsonPath.<String>read(audit, "$.items[0].actor")).isEqualTo(pilot.setup().tenant().admin().email());
        assertThat(JsonPath.<String>read(audit, "$.items[0].resource_type")).isEqualTo("feature_flag");
        assertThat(JsonPath.<String>read(audit, "$.items[0].resource_id")).isEqualTo("report_pdf");
        assertThat(JsonPath.<String>read(audit, "$.items[0].details.scope")).isEqualTo("organization");
        assertThat(JsonPath.<String>read(audit, "$.items[0].details.enabled")).isEqualTo("on");
        assertThat(mvc.perform(get("/api/v1/audit-events?action=feature_flag.switched")
                        .header("Authorization", "Bearer " + other.setup().tenant().adminToken()))
                .andReturn().getResponse().getContentAsString()).doesNotContain("report_pdf");
    }

    @Test
    void aPersonsOwnSwitchWinsOverTheOrganizations() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        TestData.Tenant tenant = c.setup().tenant();
        CurrentUser tester = tenant.user(Role.PROJECT_HANDLER);
        CurrentUser colleague = tenant.user(Role.PROJECT_HANDLER);

        mvc.perform(json(put("/api/v1/feature-flags/report_pdf/users/" + tester.id()), tenant.adminToken(),
                        "{\"enabled\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.users[0].user_id").value(tester.id().toString()))
                .andExpect(jsonPath("$.users[0].enabled").value(true));
        present(c, data.tokenFor(tester), tester);
        absent(c, data.tokenFor(colleague), colleague);

        switchOrganization(tenant, "true");
        mvc.perform(json(put("/api/v1/feature-flags/report_pdf/users/" + tester.id()), tenant.adminToken(),
                "{\"enabled\": false}")).andExpect(status().isOk());
        absent(c, data.tokenFor(tester), tester);
        present(c, data.tokenFor(colleague), colleague);

        mvc.perform(json(put("/api/v1/feature-flags/report_pdf/users/" + tester.id()), tenant.adminToken(),
                "{\"enabled\": null}")).andExpect(status().isOk()).andExpect(jsonPath("$.users.length()").value(0));
        present(c, data.tokenFor(tester), tester);

        String audit = mvc.perform(get("/api/v1/audit-events?action=feature_flag.switched")
                        .header("Authorization", "Bearer " + tenant.adminToken()))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<java.util.List<String>>read(audit, "$.items[?(@.details.scope == 'user')].details.user_id"))
                .containsOnly(tester.id().toString()).hasSize(3);
    }

    @Test
    void theOperatorsSwitchForEveryoneHoldsWhereNoOrganizationSwitchedItself() throws Exception {
        ResultReviewApiTests.Completed follows = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        ResultReviewApiTests.Completed optedOut = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        switchOrganization(optedOut.setup().tenant(), "false");
        try {
            mvc.perform(put("/api/v1/feature-flags/report_pdf/global").header("Authorization", WithOperator.BEARER)
                            .contentType("application/json").content("{\"enabled\": true}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.global").value(true))
                    .andExpect(jsonPath("$.enabled").value(true));
            present(follows, follows.token());
            absent(optedOut, optedOut.token());
            mvc.perform(get("/api/v1/feature-flags/global").header("Authorization", WithOperator.BEARER))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].key").value("report_pdf"))
                    .andExpect(jsonPath("$.items[0].default_enabled").value(false))
                    .andExpect(jsonPath("$.items[0].global").value(true));
        } finally {
            mvc.perform(put("/api/v1/feature-flags/report_pdf/global").header("Authorization", WithOperator.BEARER)
                            .contentType("application/json").content("{\"enabled\": null}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        }
        absent(follows, follows.token());

        assertThat(jdbc.sql("""
                select actor from audit_events where organization_id is null and action = 'feature_flag.switched'
                    and resource_id = 'report_pdf' order by seq desc""").query(String.class).list())
                .hasSizeGreaterThanOrEqualTo(2).first().isEqualTo("operator");
    }

    private void switchOrganization(TestData.Tenant tenant, String enabled) throws Exception {
        mvc.perform(json(put("/api/v1/feature-flags/report_pdf"), tenant.adminToken(), "{\"enabled\": " + enabled + "}"))
                .andExpect(status().isOk());
    }

    private void present(ResultReviewApiTests.Completed c, String token) throws Exception {
        present(c, token, c.setup().tenant().admin());
    }

    private void present(ResultReviewApiTests.Completed c, String token, CurrentUser viewer) throws Exception {
        mvc.perform(get("/api/v1/assessments/" + c.id() + "/report.pdf").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
        assertThat(resultsPage(c, viewer)).contains("data-testid=\"export-pdf\"", "/assessments/" + c.id() + "/report.pdf");
        mvc.perform(get("/assessments/" + c.id() + "/report.pdf").with(SignedIn.as(viewer))).andExpect(status().isOk());
    }

    private void absent(ResultReviewApiTests.Completed c, String token) throws Exception {
        absent(c, token, c.setup().tenant().admin());
    }

    /** As if the PDF report did not exist: the API's usual 404 problem, no link, the page's 404. */
    private void absent(ResultReviewApiTests.Completed c, String token, CurrentUser viewer) throws Exception {
        mvc.perform(get("/api/v1/assessments/" + c.id() + "/report.pdf").header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        String page = resultsPage(c, viewer);
        assertThat(page).contains("data-testid=\"export-csv\"").doesNotContain("export-pdf", "report.pdf\"");
        mvc.perform(get("/assessments/" + c.id() + "/report.pdf").with(SignedIn.as(viewer)))
                .andExpect(status().isNotFound());
    }

    private String resultsPage(ResultReviewApiTests.Completed c, CurrentUser viewer) throws Exception {
        return mvc.perform(get("/assessments/" + c.id()).with(SignedIn.as(viewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String share(ResultReviewApiTests.Completed c) throws Exception {
        String created = mvc.perform(json(post("/api/v1/assessments/" + c.id() + "/shares"), c.token(), "{}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return java.net.URI.create(JsonPath.<String>read(created, "$.url")).getPath();
    }

    private String sharedPage(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}

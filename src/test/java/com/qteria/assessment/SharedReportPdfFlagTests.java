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
 * The PDF report behind share links ships behind the {@code shared_report_pdf} flag (issue 14, acceptance 3): off by
 * default, a share link's page offers no PDF and its address is the 404 page; switched on for one pilot organization,
 * that organization's links offer it and no other's; the operator's switch for everyone holds where an organization
 * did not switch; a person's switch does not decide for a share link (nobody is signed in there); members always have
 * the PDF on the results page and in the API; every switch is in the audit log with the flag's name and who switched.
 */
@QteriaTest
@WithOperator
class SharedReportPdfFlagTests {

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
    void switchedOnForOnePilotOrganizationOnlyThatOrganizationsShareLinksOfferThePdf() throws Exception {
        ResultReviewApiTests.Completed pilot = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        ResultReviewApiTests.Completed other = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        String pilotShare = share(pilot);
        String otherShare = share(other);
        absent(pilotShare);
        absent(otherShare);
        membersHaveThePdf(pilot);
        membersHaveThePdf(other);

        mvc.perform(json(put("/api/v1/feature-flags/shared_report_pdf"), pilot.setup().tenant().adminToken(),
                        "{\"enabled\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.key").value("shared_report_pdf"))
                .andExpect(jsonPath("$.organization").value(true))
                .andExpect(jsonPath("$.enabled").value(true));

        present(pilotShare);
        absent(otherShare);
        membersHaveThePdf(other);

        String audit = mvc.perform(get("/api/v1/audit-events?action=feature_flag.switched")
                        .header("Authorization", "Bearer " + pilot.setup().tenant().adminToken()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(audit, "$.items.length()")).isEqualTo(1);
        assertThat(JsonPath.<String>read(audit, "$.items[0].actor")).isEqualTo(pilot.setup().tenant().admin().email());
        assertThat(JsonPath.<String>read(audit, "$.items[0].resource_type")).isEqualTo("feature_flag");
        assertThat(JsonPath.<String>read(audit, "$.items[0].resource_id")).isEqualTo("shared_report_pdf");
        assertThat(JsonPath.<String>read(audit, "$.items[0].details.scope")).isEqualTo("organization");
        assertThat(JsonPath.<String>read(audit, "$.items[0].details.enabled")).isEqualTo("on");
        assertThat(mvc.perform(get("/api/v1/audit-events?action=feature_flag.switched")
                        .header("Authorization", "Bearer " + other.setup().tenant().adminToken()))
                .andReturn().getResponse().getContentAsString()).doesNotContain("shared_report_pdf");
    }

    @Test
    void aPersonsSwitchDoesNotDecideForAShareLinkTheOrganizationsDoes() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        TestData.Tenant tenant = c.setup().tenant();
        CurrentUser tester = tenant.user(Role.PROJECT_HANDLER);
        String link = share(c);

        mvc.perform(json(put("/api/v1/feature-flags/shared_report_pdf/users/" + tester.id()), tenant.adminToken(),
                        "{\"enabled\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.users[0].user_id").value(tester.id().toString()))
                .andExpect(jsonPath("$.users[0].enabled").value(true));
        absent(link);

        switchOrganization(tenant, "true");
        mvc.perform(json(put("/api/v1/feature-flags/shared_report_pdf/users/" + tester.id()), tenant.adminToken(),
                "{\"enabled\": false}")).andExpect(status().isOk());
        present(link);

        String audit = mvc.perform(get("/api/v1/audit-events?action=feature_flag.switched")
                        .header("Authorization", "Bearer " + tenant.adminToken()))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<java.util.List<String>>read(audit, "$.items[?(@.details.scope == 'user')].details.user_id"))
                .containsOnly(tester.id().toString()).hasSize(2);
    }

    @Test
    void theOperatorsSwitchForEveryoneHoldsWhereNoOrganizationSwitchedItself() throws Exception {
        ResultReviewApiTests.Completed follows = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        ResultReviewApiTests.Completed optedOut = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        String followsLink = share(follows);
        String optedOutLink = share(optedOut);
        switchOrganization(optedOut.setup().tenant(), "false");
        try {
            mvc.perform(put("/api/v1/feature-flags/shared_report_pdf/global").header("Authorization", WithOperator.BEARER)
                            .contentType("application/json").content("{\"enabled\": true}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.global").value(true))
                    .andExpect(jsonPath("$.enabled").value(true));
            present(followsLink);
            absent(optedOutLink);
            mvc.perform(get("/api/v1/feature-flags/global").header("Authorization", WithOperator.BEARER))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].key").value("shared_report_pdf"))
                    .andExpect(jsonPath("$.items[0].default_enabled").value(false))
                    .andExpect(jsonPath("$.items[0].global").value(true));
        } finally {
            mvc.perform(put("/api/v1/feature-flags/shared_report_pdf/global").header("Authorization", WithOperator.BEARER)
                            .contentType("application/json").content("{\"enabled\": null}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        }
        absent(followsLink);

        assertThat(jdbc.sql("""
                select actor from audit_events where organization_id is null and action = 'feature_flag.switched'
                    and resource_id = 'shared_report_pdf' order by seq desc""").query(String.class).list())
                .hasSizeGreaterThanOrEqualTo(2).first().isEqualTo("operator");
    }

    private void switchOrganization(TestData.Tenant tenant, String enabled) throws Exception {
        mvc.perform(json(put("/api/v1/feature-flags/shared_report_pdf"), tenant.adminToken(),
                        "{\"enabled\": " + enabled + "}"))
                .andExpect(status().isOk());
    }

    /** The share link's page offers the PDF and its address gives it, without signing in. */
    private void present(String link) throws Exception {
        assertThat(sharedPage(link)).contains("data-testid=\"shared-pdf\"", link + "/report.pdf\"");
        mvc.perform(get(link + "/report.pdf")).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));
    }

    /** As if the shared PDF did not exist: no download on the page, the product's 404 page at its address. */
    private void absent(String link) throws Exception {
        assertThat(sharedPage(link)).contains("data-testid=\"shared-report\"").doesNotContain("shared-pdf",
                "report.pdf\"");
        mvc.perform(get(link + "/report.pdf")).andExpect(status().isNotFound());
    }

    /** The organization's members have the PDF whatever the flag: the results page's link and the API. */
    private void membersHaveThePdf(ResultReviewApiTests.Completed c) throws Exception {
        CurrentUser viewer = c.setup().tenant().admin();
        mvc.perform(get("/api/v1/assessments/" + c.id() + "/report.pdf").header("Authorization", "Bearer " + c.token()))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
        assertThat(mvc.perform(get("/assessments/" + c.id()).with(SignedIn.as(viewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("data-testid=\"export-pdf\"", "/assessments/" + c.id() + "/report.pdf");
        mvc.perform(get("/assessments/" + c.id() + "/report.pdf").with(SignedIn.as(viewer))).andExpect(status().isOk());
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

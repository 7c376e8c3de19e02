package com.qteria.retention;

import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.identity.Role;
import com.qteria.retention.job.RetentionRun;
import com.qteria.support.QteriaTest;
import com.qteria.support.SignedIn;
import com.qteria.support.TestData;
import java.time.Instant;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The retention policy through the API and the admin page: defaults, bounds, audit, languages, admins only. */
@QteriaTest
class RetentionSettingsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    RetentionSettings settings;
    @Autowired
    StorageProvider jobs;
    @Autowired
    JobScheduler scheduler;

    @Test
    void theRunIsAJobRunrRecurringJobDailyAtThreeUtc() {
        RecurringJob retention = jobs.getRecurringJobs().stream().filter(job -> job.getId().equals("retention"))
                .findFirst().orElseThrow();
        assertThat(retention.getScheduleExpression()).isEqualTo("0 3 * * *");
        assertThat(retention.getZoneId()).isEqualTo("UTC");
        assertThat(retention.getJobDetails().getClassName()).isEqualTo(RetentionRun.class.getName());
        assertThat(retention.getJobDetails().getMethodName()).isEqualTo("run");
    }

    @Test
    void aWorkerRunsTheJobToTheEnd() throws Exception {
        UUID id = scheduler.<RetentionRun>enqueue(RetentionRun::run).asUUID();
        Instant deadline = Instant.now().plusSeconds(60);
        StateName state = jobs.getJobById(id).getState();
        while (state != StateName.SUCCEEDED && state != StateName.FAILED && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            state = jobs.getJobById(id).getState();
        }
        assertThat(state).isEqualTo(StateName.SUCCEEDED);
    }

    @Test
    void anOrganizationStartsWithTheDefaultsAndItsAdminChangesThemAudited() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        TestData.Tenant other = data.newTenant();
        mvc.perform(get("/api/v1/retention-settings").header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.document_days").value(730))
                .andExpect(jsonPath("$.assessments").value("keep_results"))
                .andExpect(jsonPath("$.is_default").value(true))
                .andExpect(jsonPath("$.min_days").value(1))
                .andExpect(jsonPath("$.max_days").value(3650))
                .andExpect(jsonPath("$.next_run_at").value(Matchers.endsWith("03:00:00Z")));

        mvc.perform(json(put("/api/v1/retention-settings"), tenant.adminToken(),
                        "{\"document_days\": 365, \"assessments\": \"delete\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.document_days").value(365))
                .andExpect(jsonPath("$.assessments").value("delete"))
                .andExpect(jsonPath("$.is_default").value(false))
                .andExpect(jsonPath("$.updated_by").value(tenant.admin().email()));
        mvc.perform(get("/api/v1/retention-settings").header("Authorization", "Bearer " + other.adminToken()))
                .andExpect(jsonPath("$.document_days").value(730));
        mvc.perform(get("/api/v1/audit-events?action=organization.retention_changed")
                        .header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].actor").value(tenant.admin().email()))
                .andExpect(jsonPath("$.items[0].details.document_days").value(365))
                .andExpect(jsonPath("$.items[0].details.assessments").value("delete"))
                .andExpect(jsonPath("$.items[0].details.previous_document_days").value(730))
                .andExpect(jsonPath("$.items[0].details.previous_assessments").value("keep_results"));

        mvc.perform(json(put("/api/v1/retention-settings"), tenant.adminToken(), "{\"document_days\": null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.document_days").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.assessments").value("keep_results"));
        mvc.perform(get("/api/v1/retention-settings/preview").header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documents").value(0))
                .andExpect(jsonPath("$.document_bytes").value(0))
                .andExpect(jsonPath("$.assessments").value(0))
                .andExpect(jsonPath("$.kept_from").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.next_run_at").isNotEmpty());
    }

    @Test
    void valuesOutOfBoundsAreRefusedPerField() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        for (String days : new String[] {"0", "3651", "-5"}) {
            mvc.perform(json(put("/api/v1/retention-settings"), tenant.adminToken(),
                            "{\"document_days\": " + days + ", \"assessments\": \"keep_results\"}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("document_days"));
        }
        mvc.perform(json(put("/api/v1/retention-settings"), tenant.adminToken(),
                        "{\"document_days\": 1, \"assessments\": \"archive\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("assessments"));
        mvc.perform(json(put("/api/v1/retention-settings"), tenant.adminToken(),
                        "{\"document_days\": 3650, \"assessments\": \"keep_results\"}"))
                .andExpect(status().isOk());
        assertThat(settings.policy(tenant.id())).isEqualTo(new RetentionPolicy(3650, RetainedAssessments.KEEP_RESULTS));
    }

    @Test
    void onlyAdminsReadOrChangeThePolicy() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        for (Role role : new Role[] {Role.PROCESS_MANAGER, Role.PROJECT_HANDLER}) {
            String token = tenant.tokenOf(role);
            for (String path : new String[] {"/api/v1/retention-settings", "/api/v1/retention-settings/preview"}) {
                mvc.perform(get(path).header("Authorization", "Bearer " + token))
                        .andExpect(status().isForbidden())
                        .andExpect(jsonPath("$.code").value("INSUFFICIENT_PERMISSIONS"));
            }
            mvc.perform(json(put("/api/v1/retention-settings"), token, "{\"document_days\": 1}"))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/admin/retention").with(SignedIn.as(tenant.user(role)))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/retention").param("keep", "days").param("days", "1")
                    .param("assessments", "delete").with(SignedIn.as(tenant.user(role))).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(settings.policy(tenant.id())).isEqualTo(RetentionPolicy.defaults());
    }

    @Test
    void theAdminPageShowsThePolicyTheDryRunAndTheNextRunInEnglishAndGerman() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String page = page(tenant, "en");
        assertThat(page).contains("Data retention", "Documents are deleted 730 days after their last use",
                "If the policy ran now: 0 documents (0.0 MB) and 0 assessments would be deleted.", "Next run: ",
                "data-testid=\"nav-retention\"");
        Instant next = settings.get(tenant.id()).nextRunAt();
        assertThat(page).contains(next.toString().substring(0, 10) + " 03:00 UTC");

        mvc.perform(post("/admin/retention").param("keep", "days").param("days", "0").param("assessments", "delete")
                        .with(SignedIn.as(tenant.admin())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("class=\"field-error\"", "aria-invalid=\"true\"",
                                "Enter a whole number of days from 1 to 3,650"));
        assertThat(settings.policy(tenant.id())).isEqualTo(RetentionPolicy.defaults());

        mvc.perform(post("/admin/retention").param("keep", "days").param("days", "90").param("assessments", "delete")
                        .with(SignedIn.as(tenant.admin())).with(csrf()))
                .andExpect(redirectedUrl("/admin/retention"));
        assertThat(settings.policy(tenant.id())).isEqualTo(new RetentionPolicy(90, RetainedAssessments.DELETE));
        assertThat(page(tenant, "en")).contains("Documents are deleted 90 days after their last use, and assessments");

        mvc.perform(post("/admin/retention").param("keep", "forever").param("days", "90")
                .param("assessments", "keep_results").with(SignedIn.as(tenant.admin())).with(csrf()));
        assertThat(settings.policy(tenant.id())).isEqualTo(new RetentionPolicy(null, RetainedAssessments.KEEP_RESULTS));
        assertThat(page(tenant, "de")).contains("Aufbewahrung der Daten", "Dokumente werden unbegrenzt aufbewahrt",
                "Nächster Lauf");
        assertThat(mvc.perform(post("/admin/retention").param("keep", "days").param("days", "many")
                        .param("assessments", "delete").with(SignedIn.as(tenant.admin())).with(csrf())
                        .header("Accept-Language", "de")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Geben Sie eine ganze Zahl von Tagen");
    }

    private String page(TestData.Tenant tenant, String language) throws Exception {
        return mvc.perform(get("/admin/retention").with(SignedIn.as(tenant.admin())).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}

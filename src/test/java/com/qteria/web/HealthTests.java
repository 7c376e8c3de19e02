package com.qteria.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.support.QteriaTest;
import com.qteria.support.WithOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15, Health: readiness waits for this release's migrations and the document store; liveness depends on nothing
 * but the process (never the database nor the store, so an outage of either restarts nothing); {@code /health} reports
 * the job system, with its figures for the operator only, and its public answer stays {@code {"status": …}}.
 */
@QteriaTest
@WithOperator
class HealthTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    HealthEndpointGroups groups;

    @Test
    void livenessDependsOnNothingButTheProcess() {
        HealthEndpointGroup liveness = groups.get("liveness");
        assertThat(liveness.isMember("livenessState")).isTrue();
        for (String outside : new String[] {"db", "migrations", "storage", "documentStore", "jobs", "diskSpace",
                "readinessState", "mail"}) {
            assertThat(liveness.isMember(outside)).as(outside).isFalse();
        }
    }

    @Test
    void readinessWaitsForTheMigrationsAndTheDocumentStoreButNotForWorkers() {
        HealthEndpointGroup readiness = groups.get("readiness");
        for (String member : new String[] {"readinessState", "migrations", "storage", "documentStore"}) {
            assertThat(readiness.isMember(member)).as(member).isTrue();
        }
        assertThat(readiness.isMember("jobs")).isFalse();
        assertThat(readiness.isMember("livenessState")).isFalse();
    }

    @Test
    void theOperatorSeesWhatReadinessIsMadeOf() throws Exception {
        mvc.perform(get("/actuator/health/readiness").header("Authorization", WithOperator.BEARER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.migrations.status").value("UP"))
                .andExpect(jsonPath("$.components.storage.status").value("UP"))
                .andExpect(jsonPath("$.components.readinessState.status").value("UP"))
                .andExpect(jsonPath("$.components.db").doesNotExist());
        mvc.perform(get("/actuator/health/liveness").header("Authorization", WithOperator.BEARER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db").doesNotExist());
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void healthReportsTheJobSystemWithItsFiguresForTheOperatorOnly() throws Exception {
        mvc.perform(get("/health").header("Authorization", WithOperator.BEARER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.jobs.status").value("UP"))
                .andExpect(jsonPath("$.components.jobs.details.workers_alive").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.components.jobs.details.jobs_waiting").isNumber())
                .andExpect(jsonPath("$.components.jobs.details.oldest_waiting_seconds").isNumber())
                .andExpect(jsonPath("$.components.migrations.status").value("UP"));
        String anonymous = mvc.perform(get("/health")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(anonymous).isEqualTo("{\"status\":\"UP\"}");
    }
}

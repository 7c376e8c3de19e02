package com.qteria.workflow;

import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@QteriaTest
class WorkflowsApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;

    @Test
    void aProcessManagerCreatesAWorkflowWithIdsAndDerivedKeys() throws Exception {
        String pm = data.newTenant().tokenOf(Role.PROCESS_MANAGER);
        mvc.perform(json(post("/api/v1/workflows"), pm, WorkflowJson.machinery("Machinery Directive")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").exists())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.archived").value(false))
                .andExpect(jsonPath("$.created_at").exists())
                .andExpect(jsonPath("$.buckets.length()").value(3))
                .andExpect(jsonPath("$.buckets[2].key").value("risk_assessment"))
                .andExpect(jsonPath("$.buckets[2].id").exists())
                .andExpect(jsonPath("$.criteria[1].severity").value("required"))
                .andExpect(jsonPath("$.criteria[2].checks[0].type").value("signed"))
                .andExpect(jsonPath("$.criteria[3].checks[0].across[1]").value("declaration"))
                .andExpect(jsonPath("$.criteria[4].key").value("risk_assessment_covers_all_life_cycle_phases"))
                .andExpect(jsonPath("$.criteria[4].checks").isEmpty());
    }

    @Test
    void invalidWorkflowsAre422WithTheOffendingFieldPaths() throws Exception {
        String pm = data.newTenant().tokenOf(Role.PROCESS_MANAGER);
        String body = WorkflowJson.machinery("").replace("\"months\": 24", "\"months\": 0")
                .replace("Model: ([A-Z0-9-]+)", "Model: ([A-Z0-9-]+) ([0-9]+)");
        String answer = mvc.perform(json(post("/api/v1/workflows"), pm, body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andReturn().getResponse().getContentAsString();
        List<String> fields = JsonPath.read(answer, "$.errors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("name", "criteria[1].checks[0].months", "criteria[3].checks[0].pattern");

        mvc.perform(json(post("/api/v1/workflows"), pm, WorkflowJson.machinery("W").replace("\"signed\"", "\"stamped\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("criteria[2].checks[0]"));
        mvc.perform(json(post("/api/v1/workflows"), pm, "{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
    }

    @Test
    void anUpdateIsANewVersionAndEarlierVersionsNeverChange() throws Exception {
        String pm = data.newTenant().tokenOf(Role.PROCESS_MANAGER);
        String created = create(pm, "Versioned");
        String id = JsonPath.read(created, "$.id");
        String bucketId = JsonPath.read(created, "$.buckets[0].id");
        String criterionId = JsonPath.read(created, "$.criteria[0].id");
        String v1 = mvc.perform(get("/api/v1/workflows/" + id + "/versions/1").header("Authorization", "Bearer " + pm))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        String changed = WorkflowJson.machinery("Versioned 2").replace("\"months\": 24", "\"months\": 12")
                .replace("{\"key\": \"declaration\"", "{\"key\": \"manual\", \"name\": \"Manual\", \"required\": false},{\"key\": \"declaration\"");
        mvc.perform(json(put("/api/v1/workflows/" + id), pm, changed))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.name").value("Versioned 2"))
                .andExpect(jsonPath("$.buckets[0].id").value(bucketId))
                .andExpect(jsonPath("$.criteria[0].id").value(criterionId))
                .andExpect(jsonPath("$.criteria[1].checks[0].months").value(12));

        String v1Again = mvc.perform(get("/api/v1/workflows/" + id + "/versions/1").header("Authorization", "Bearer " + pm))
                .andReturn().getResponse().getContentAsString();
        assertThat(withoutArchivedFlag(v1Again)).isEqualTo(withoutArchivedFlag(v1));
        mvc.perform(get("/api/v1/workflows/" + id).header("Authorization", "Bearer " + pm))
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(get("/api/v1/workflows/" + id + "/versions").header("Authorization", "Bearer " + pm))
                .andExpect(jsonPath("$.items[*].version").value(org.hamcrest.Matchers.contains(2, 1)))
                .andExpect(jsonPath("$.items[0].created_by_name").value(org.hamcrest.Matchers.startsWith("User ")));
        mvc.perform(get("/api/v1/workflows/" + id + "/diff?from=1&to=2").header("Authorization", "Bearer " + pm))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changes[?(@.item == 'bucket' && @.kind == 'ADDED')].key").value(hasItem("manual")))
                .andExpect(jsonPath("$.changes[?(@.key == 'tr_date')].fields[0].after")
                        .value(hasItem("date near \u201cDate of issue\u201d not older than 12 months")));
        mvc.perform(get("/api/v1/workflows/" + id + "/versions/3").header("Authorization", "Bearer " + pm))
                .andExpect(status().isNotFound());
        mvc.perform(json(put("/api/v1/workflows/" + id), pm, "{\"name\": \"\", \"buckets\": [], \"criteria\": []}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/workflows/" + id).header("Authorization", "Bearer " + pm))
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void listsSearchesAndArchives() throws Exception {
        String pm = data.newTenant().tokenOf(Role.PROCESS_MANAGER);
        String keep = JsonPath.read(create(pm, "Low Voltage 100%_check"), "$.id");
        String gone = JsonPath.read(create(pm, "EMC Directive"), "$.id");
        create(pm, "Low Voltage other");

        mvc.perform(get("/api/v1/workflows?q=voltage&size=1").header("Authorization", "Bearer " + pm))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.page.total_items").value(2))
                .andExpect(jsonPath("$.items[0].id").value(keep));
        mvc.perform(get("/api/v1/workflows").param("q", "100%_").header("Authorization", "Bearer " + pm))
                .andExpect(jsonPath("$.page.total_items").value(1));

        mvc.perform(delete("/api/v1/workflows/" + gone).header("Authorization", "Bearer " + pm))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/workflows").header("Authorization", "Bearer " + pm))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(gone))));
        mvc.perform(get("/api/v1/workflows?archived=true").header("Authorization", "Bearer " + pm))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(gone)));
        mvc.perform(get("/api/v1/workflows/" + gone).header("Authorization", "Bearer " + pm))
                .andExpect(jsonPath("$.archived").value(true));
        mvc.perform(json(put("/api/v1/workflows/" + gone), pm, WorkflowJson.machinery("Again")))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/workflows/" + gone).header("Authorization", "Bearer " + pm))
                .andExpect(status().isNoContent());
    }

    @Test
    void exportAndImportRoundTripLosslesslyInJsonAndYaml() throws Exception {
        String pm = data.newTenant().tokenOf(Role.PROCESS_MANAGER);
        String id = JsonPath.read(create(pm, "Round trip"), "$.id");
        String exported = mvc.perform(get("/api/v1/workflows/" + id + "/export").header("Authorization", "Bearer " + pm))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("Round-trip.json")))
                .andReturn().getResponse().getContentAsString();
        assertThat(exported).doesNotContain("\"id\"").contains("\"applies_to\"");

        String imported = mvc.perform(post("/api/v1/workflows/import").header("Authorization", "Bearer " + pm)
                        .contentType("application/json").content(exported))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andReturn().getResponse().getContentAsString();
        String importedId = JsonPath.read(imported, "$.id");
        assertThat(importedId).isNotEqualTo(id);
        String reexported = mvc.perform(get("/api/v1/workflows/" + importedId + "/export").header("Authorization", "Bearer " + pm))
                .andReturn().getResponse().getContentAsString();
        assertThat(reexported).isEqualTo(exported);

        String yaml = mvc.perform(get("/api/v1/workflows/" + id + "/export?format=yaml").header("Authorization", "Bearer " + pm))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/yaml")))
                .andReturn().getResponse().getContentAsString();
        assertThat(yaml).contains("applies_to:").contains("- type: date_not_older");
        String fromYaml = mvc.perform(post("/api/v1/workflows/import").header("Authorization", "Bearer " + pm)
                        .contentType("application/yaml").content(yaml))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String yamlReexported = mvc.perform(get("/api/v1/workflows/" + JsonPath.read(fromYaml, "$.id") + "/export")
                        .header("Authorization", "Bearer " + pm))
                .andReturn().getResponse().getContentAsString();
        assertThat(yamlReexported).isEqualTo(exported);

        mvc.perform(post("/api/v1/workflows/import").header("Authorization", "Bearer " + pm)
                        .contentType("application/yaml").content("name: \"unterminated\nbuckets: ["))
                .andExpect(status().isBadRequest());
    }

    @Test
    void projectHandlersReadButNeverWrite() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String pm = tenant.tokenOf(Role.PROCESS_MANAGER);
        String handler = tenant.tokenOf(Role.PROJECT_HANDLER);
        String id = JsonPath.read(create(pm, "Read only"), "$.id");
        mvc.perform(get("/api/v1/workflows/" + id).header("Authorization", "Bearer " + handler)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/workflows/" + id + "/export").header("Authorization", "Bearer " + handler)).andExpect(status().isOk());
        mvc.perform(json(post("/api/v1/workflows"), handler, WorkflowJson.machinery("Nope")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("INSUFFICIENT_PERMISSIONS"));
        mvc.perform(json(put("/api/v1/workflows/" + id), handler, WorkflowJson.machinery("Nope"))).andExpect(status().isForbidden());
        mvc.perform(json(put("/api/v1/workflows/" + java.util.UUID.randomUUID()), handler, WorkflowJson.machinery("Nope")))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/workflows/" + id).header("Authorization", "Bearer " + handler)).andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/workflows/import"), handler, WorkflowJson.machinery("Nope"))).andExpect(status().isForbidden());
        String admin = tenant.adminToken();
        mvc.perform(json(put("/api/v1/workflows/" + id), admin, WorkflowJson.machinery("Admin edit")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void changesAreAudited() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String pm = tenant.tokenOf(Role.PROCESS_MANAGER);
        String id = JsonPath.read(create(pm, "Audited"), "$.id");
        mvc.perform(json(put("/api/v1/workflows/" + id), pm, WorkflowJson.machinery("Audited 2")));
        mvc.perform(delete("/api/v1/workflows/" + id).header("Authorization", "Bearer " + pm));
        mvc.perform(json(post("/api/v1/workflows/import"), pm, WorkflowJson.machinery("Imported")));
        mvc.perform(get("/api/v1/audit-events?resource_type=workflow&size=10").header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(jsonPath("$.items[*].action").value(org.hamcrest.Matchers.contains(
                        "workflow.imported", "workflow.archived", "workflow.updated", "workflow.created")))
                .andExpect(jsonPath("$.items[2].details.version").value(2));
    }

    @Test
    void theShippedTemplatesImportCleanly() throws Exception {
        String pm = data.newTenant().tokenOf(Role.PROCESS_MANAGER);
        String list = mvc.perform(get("/api/v1/workflow-templates").header("Authorization", "Bearer " + pm))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> keys = JsonPath.read(list, "$[*].key");
        assertThat(keys).hasSizeGreaterThanOrEqualTo(3)
                .contains("lvd-ict-equipment", "machinery-technical-file", "mdr-annex-ii-technical-documentation");
        for (String key : keys) {
            String template = mvc.perform(get("/api/v1/workflow-templates/" + key).header("Authorization", "Bearer " + pm))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            mvc.perform(json(post("/api/v1/workflows/import"), pm, template))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.criteria[0].id").exists());
        }
        List<Integer> withChecks = JsonPath.read(list, "$[*].criteria_with_checks");
        List<Integer> criteria = JsonPath.read(list, "$[*].criteria");
        for (int i = 0; i < keys.size(); i++) {
            assertThat(withChecks.get(i)).as("%s mixes checks and plain-language criteria", keys.get(i))
                    .isGreaterThan(0).isLessThan(criteria.get(i));
        }
        mvc.perform(get("/api/v1/workflow-templates/nope").header("Authorization", "Bearer " + pm))
                .andExpect(status().isNotFound());
    }

    private String create(String token, String name) throws Exception {
        return mvc.perform(json(post("/api/v1/workflows"), token, WorkflowJson.machinery(name)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    private static String withoutArchivedFlag(String body) {
        return body.replaceAll("\"archived\":(true|false),", "");
    }
}

package com.qteria.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.document.DocumentManagement;
import com.qteria.document.DocumentView;
import com.qteria.document.Upload;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.shared.AuditableEvent;
import com.qteria.shared.TenantId;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.SignedIn;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit page and export as an auditor reads them: people and resources by name with the ids beside them, human
 * labels, filters that narrow the list (the same as the API's), pages of entries, the chain's state on load.
 */
@QteriaTest
class AuditPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    DocumentManagement documents;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    java.time.Clock clock; // the application's: other tests move it on

    @Test
    void showsPeopleAndResourcesByNameWithTheirIdsAndLabels() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser manager = tenant.user(Role.PROCESS_MANAGER);
        WorkflowView workflow = workflows.createFromTemplate(manager, "lvd-ict-equipment");
        DocumentView kept = upload(manager, "kept-report.pdf");
        DocumentView deleted = upload(manager, "withdrawn-report.pdf");
        documents.delete(manager, deleted.id());

        Document page = page(tenant.admin(), "");

        Element created = only(page, "workflow.imported");
        assertThat(text(created, "audit-action")).isEqualTo("Workflow imported");
        assertThat(text(created, "audit-actor")).contains(manager.name()).contains(manager.email());
        Element name = created.selectFirst("[data-testid=audit-resource-name]");
        assertThat(name.text()).isEqualTo(workflow.name());
        assertThat(name.attr("href")).isEqualTo("/workflows/" + workflow.id());
        assertThat(text(created, "audit-resource")).startsWith("Workflow").contains(workflow.id().toString());

        Element uploaded = page.select("[data-action=document.uploaded]").stream()
                .filter(row -> text(row, "audit-resource").contains(kept.id().toString())).findFirst().orElseThrow();
        assertThat(uploaded.selectFirst("[data-testid=audit-resource-name]").attr("href"))
                .isEqualTo("/documents/" + kept.id());
        assertThat(text(uploaded, "audit-resource-name")).isEqualTo("kept-report.pdf");
        Element gone = only(page, "document.deleted");
        assertThat(text(gone, "audit-resource-name")).as("the name recorded at the time").isEqualTo("withdrawn-report.pdf");
        assertThat(gone.selectFirst("[data-testid=audit-resource-name]").hasAttr("href")).isFalse();

        Element added = page.select("[data-action=user.created]").stream()
                .filter(row -> text(row, "audit-resource").contains(manager.id().toString())).findFirst().orElseThrow();
        assertThat(text(added, "audit-resource-name")).isEqualTo(manager.name());
        assertThat(text(added, "audit-actor")).contains(tenant.admin().name());

        assertThat(page.selectFirst("[data-testid=audit-verification]").attr("data-valid")).isEqualTo("true");
        assertThat(page.select("[data-testid=filter-actor] option")).extracting(Element::text)
                .contains(manager.name() + " (" + manager.email() + ")");
        assertThat(page.select("[data-testid=filter-action] option")).extracting(Element::text)
                .contains("Workflow imported", "Document uploaded", "Document deleted").doesNotContain("workflow.imported");
    }

    @Test
    void filtersNarrowThePageAndTheExportAlike() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser manager = tenant.user(Role.PROCESS_MANAGER);
        WorkflowView workflow = workflows.createFromTemplate(manager, "lvd-ict-equipment");
        upload(manager, "report.pdf");

        assertThat(page(tenant.admin(), "?action=workflow.imported").select("[data-testid=audit-entry]"))
                .extracting(row -> row.attr("data-action")).containsExactly("workflow.imported");
        assertThat(page(tenant.admin(), "?actor=" + manager.email()).select("[data-testid=audit-entry]"))
                .extracting(row -> row.attr("data-action"))
                .containsExactlyInAnyOrder("workflow.imported", "document.uploaded");
        assertThat(page(tenant.admin(), "?resource_type=document").select("[data-testid=audit-entry]"))
                .extracting(row -> row.attr("data-action")).containsExactly("document.uploaded");
        Document none = page(tenant.admin(), "?from=2000-01-01&to=2000-12-31");
        assertThat(none.select("[data-testid=audit-entry]")).isEmpty();
        assertThat(none.selectFirst("[data-testid=no-results]")).isNotNull();
        assertThat(none.selectFirst("[data-testid=clear-filters]").attr("href")).isEqualTo("/admin/audit");
        String today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).toString();
        Document filtered = page(tenant.admin(), "?action=workflow.imported&from=" + today + "&to=" + today);
        assertThat(filtered.select("[data-testid=audit-entry]")).hasSize(1);
        assertThat(filtered.selectFirst("[data-testid=filter-action] option[selected]").attr("value"))
                .isEqualTo("workflow.imported");
        assertThat(filtered.selectFirst("[data-testid=export-audit]").attr("href"))
                .contains("action=workflow.imported").contains("from=" + today);

        for (String export : List.of("/admin/audit/export.csv", "/api/v1/audit-events/export.csv")) {
            String csv = mvc.perform(get(export + "?action=workflow.imported&from=" + today).with(SignedIn.as(tenant.admin())))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(csv)).getRecords();
            assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(
                    "id,seq,at,actor,action,resource_type,resource_id,ip,details,prev_hash,hash,actor_name,resource_name");
            assertThat(records).hasSize(1);
            assertThat(records.getFirst().get("resource_id")).isEqualTo(workflow.id().toString());
            assertThat(records.getFirst().get("resource_name")).isEqualTo(workflow.name());
            assertThat(records.getFirst().get("actor")).isEqualTo(manager.email());
            assertThat(records.getFirst().get("actor_name")).isEqualTo(manager.name());
        }
    }

    @Test
    void olderEntriesArePagedNotCut() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        for (int i = 0; i < 60; i++) {
            events.publishEvent(new Bulk(tenant.id(), i));
        }
        Document first = page(tenant.admin(), "?action=test.bulk");
        assertThat(first.select("[data-testid=audit-entry]")).hasSize(50);
        assertThat(first.selectFirst("[data-testid=newer]")).isNull();
        String older = first.selectFirst("[data-testid=older]").attr("href");
        assertThat(older).isEqualTo("/admin/audit?action=test.bulk&offset=50");
        assertThat(first.selectFirst("[data-testid=export-audit]").attr("href"))
                .as("only the filters set, no bare names").isEqualTo("/admin/audit/export.csv?action=test.bulk");

        Document second = page(tenant.admin(), older.substring(older.indexOf('?')));
        assertThat(second.select("[data-testid=audit-entry]")).hasSize(10);
        assertThat(second.selectFirst("[data-testid=older]")).isNull();
        assertThat(second.selectFirst("[data-testid=newer]").attr("href")).isEqualTo("/admin/audit?action=test.bulk&offset=0");
        assertThat(text(second.select("[data-testid=audit-entry]").last(), "audit-resource-name"))
                .as("no module names it, so the name it recorded").isEqualTo("bulk 0");
    }

    @Test
    void checkingIntegrityKeepsTheFiltersEvenAPlusInAnAddress() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        mvc.perform(post("/admin/audit/verify").param("actor", "ada+audit@example.com").param("action", "user.created")
                        .with(SignedIn.as(tenant.admin())).with(csrf()))
                .andExpect(redirectedUrl("/admin/audit?actor=ada%2Baudit%40example.com&action=user.created"));
    }

    @Test
    void anotherOrganizationsEntriesNeverAppearAndOnlyAdminsSeeThePage() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        TestData.Tenant other = data.newTenant();
        CurrentUser stranger = other.user(Role.PROCESS_MANAGER);
        workflows.createFromTemplate(stranger, "lvd-ict-equipment");

        String html = mvc.perform(get("/admin/audit").with(SignedIn.as(tenant.admin())))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain(stranger.email()).doesNotContain(stranger.name())
                .doesNotContain(other.admin().email()).doesNotContain(other.id().toString());
        String csv = mvc.perform(get("/admin/audit/export.csv?actor=" + stranger.email()).with(SignedIn.as(tenant.admin())))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.lines()).hasSize(1);

        CurrentUser manager = tenant.user(Role.PROCESS_MANAGER);
        mvc.perform(get("/admin/audit").with(SignedIn.as(manager))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit/export.csv").with(SignedIn.as(manager))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit-events").header("Authorization", "Bearer " + data.tokenFor(manager)))
                .andExpect(status().isForbidden());
    }

    private Document page(CurrentUser admin, String query) throws Exception {
        String html = mvc.perform(get("/admin/audit" + query).with(SignedIn.as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    private DocumentView upload(CurrentUser user, String filename) throws Exception {
        Path file = Files.createTempFile("audit", ".pdf");
        Files.write(file, SamplePdfs.pdf("Test report " + filename));
        try {
            return documents.upload(user, List.of(new Upload(filename, file))).getFirst();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Element only(Document page, String action) {
        var rows = page.select("[data-action=" + action + "]");
        assertThat(rows).as(action).hasSize(1);
        return rows.getFirst();
    }

    private static String text(Element row, String testId) {
        return row.selectFirst("[data-testid=" + testId + "]").text();
    }

    record Bulk(TenantId tenantId, int n) implements AuditableEvent {
        public String actor() { return "system"; }
        public String action() { return "test.bulk"; }
        public String resourceType() { return "test"; }
        public String resourceId() { return java.util.UUID.randomUUID().toString(); }
        public Map<String, Object> details() { return Map.of("name", "bulk " + n); }
    }
}

package com.qteria.retention;

import static com.qteria.support.ApiRequests.awaitAssessment;
import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.document.DocumentId;
import com.qteria.document.DocumentManagement;
import com.qteria.document.UploadedDocuments;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.retention.job.RetentionRun;
import com.qteria.support.MutableClock;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.SignedIn;
import com.qteria.support.TestData;
import com.qteria.workflow.Check;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Acceptance 3 of issue 15: the retention run deletes what is due and nothing else, under a clock the test moves, in
 * two organizations with different policies and a third with the defaults, and audits it; running it again deletes
 * nothing more, and the dry run counted exactly what it then deleted.
 */
@QteriaTest
class RetentionTests {

    private static final String DELETED_NOTE = "Deleted under the retention policy";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    DocumentManagement documents;
    @Autowired
    RetentionRun run;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    Instant started;

    @BeforeEach
    void noteTheTime() {
        started = clock.instant();
    }

    /** Puts the shared clock back where it was, so the months moved here do not reach other test classes. */
    @AfterEach
    void putTheClockBack() {
        clock.advance(Duration.between(clock.instant(), started));
    }

    /** An organization with a workflow (a required bucket with a check, an optional one without) and a handler. */
    record Org(TestData.Tenant tenant, CurrentUser handler, WorkflowId workflow) {

        String token(TestData data) {
            return data.tokenFor(handler);
        }
    }

    @Test
    void theRunDeletesWhatIsDueUnderEachOrganizationsPolicyAndNothingElseAndAuditsIt() throws Exception {
        Org keeping = org();
        Org deleting = org();
        Org defaults = org();
        policy(keeping, "{\"document_days\": 30, \"assessments\": \"keep_results\"}");
        policy(deleting, "{\"document_days\": 10, \"assessments\": \"delete\"}");

        // day 0: documents and a completed assessment in each organization; one document held by an unfinished one
        byte[] reportBytes = SamplePdfs.pdf("Test report according to IEC 62368-1:2018");
        String report = upload(keeping, "report.pdf", reportBytes);
        String manual = upload(keeping, "manual.pdf", SamplePdfs.pdf("Safety instructions: keep away from water"));
        byte[] heldBytes = SamplePdfs.pdf("Held test report IEC 62368-1");
        String held = upload(keeping, "held.pdf", heldBytes);
        String kept = completed(keeping, report, manual);
        UUID holder = UUID.randomUUID();
        documents.hold(keeping.tenant().id(), List.of(new DocumentId(UUID.fromString(held))), holder);
        String oldReport = upload(deleting, "old-report.pdf", SamplePdfs.pdf("Old report IEC 62368-1"));
        String gone = completed(deleting, oldReport, null);
        byte[] otherBytes = SamplePdfs.pdf("Other organization's report IEC 62368-1");
        String otherReport = upload(defaults, "other.pdf", otherBytes);
        String otherAssessment = completed(defaults, otherReport, null);
        Map<String, String> keys = Map.of(report, uploaded.storageKey(report), manual, uploaded.storageKey(manual),
                oldReport, uploaded.storageKey(oldReport), held, uploaded.storageKey(held));

        // day 20: a new document in the keeping organization
        clock.advance(Duration.ofDays(20));
        byte[] recentBytes = SamplePdfs.pdf("Recent report IEC 62368-1");
        String recent = upload(keeping, "recent.pdf", recentBytes);

        // day 35: a fresh assessment in the deleting organization; share links that are still valid
        clock.advance(Duration.ofDays(15));
        String freshReport = upload(deleting, "fresh.pdf", SamplePdfs.pdf("Fresh report IEC 62368-1"));
        String fresh = completed(deleting, freshReport, null);
        String shareUrl = JsonPath.read(mvc.perform(json(post("/api/v1/assessments/" + kept + "/shares"),
                keeping.token(data), "{\"expires_in_days\": 7}")).andReturn().getResponse().getContentAsString(), "$.url");
        mvc.perform(json(post("/api/v1/assessments/" + gone + "/shares"), deleting.token(data), "{}"))
                .andExpect(status().isCreated());

        long reportAndManual = reportBytes.length + (long) size(keeping, manual);
        preview(keeping).andExpect(jsonPath("$.documents").value(2))
                .andExpect(jsonPath("$.document_bytes").value(reportAndManual))
                .andExpect(jsonPath("$.assessments").value(0));
        preview(deleting).andExpect(jsonPath("$.documents").value(1)).andExpect(jsonPath("$.assessments").value(1));
        preview(defaults).andExpect(jsonPath("$.documents").value(0)).andExpect(jsonPath("$.assessments").value(0));

        assertThat(run.apply(keeping.tenant().id(), clock.instant()))
                .isEqualTo(new RetentionRun.Applied(2, reportAndManual, 0));
        assertThat(run.apply(deleting.tenant().id(), clock.instant()).assessments()).isEqualTo(1);
        assertThat(run.apply(defaults.tenant().id(), clock.instant())).isEqualTo(new RetentionRun.Applied(0, 0, 0));

        // what was due is gone: rows, text and word boxes, signatures, stored objects
        for (String id : List.of(report, manual, oldReport)) {
            assertGone(id, keys.get(id));
        }
        // what was not is untouched and byte-identical
        assertThat(download(keeping, held)).isEqualTo(heldBytes);
        assertThat(download(keeping, recent)).isEqualTo(recentBytes);
        assertThat(download(defaults, otherReport)).isEqualTo(otherBytes);
        assertThat(uploaded.storedObjectExists(keys.get(held))).isTrue();
        mvc.perform(get("/api/v1/documents/" + freshReport).header("Authorization", "Bearer " + deleting.token(data)))
                .andExpect(status().isOk());

        // keep_results: the assessment, its results, report and shared report stay and say what happened
        String token = keeping.token(data);
        mvc.perform(get("/api/v1/assessments/" + kept + "/results").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[?(@.criterion.key == 'standard')].evidence[0].document_name")
                        .value("report.pdf"));
        for (String format : List.of("report.json", "report.csv", "report.pdf")) {
            mvc.perform(get("/api/v1/assessments/" + kept + "/" + format).header("Authorization", "Bearer " + token))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/assessments/" + kept + "/report.json").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.documents[0].deleted_by_retention").value(true));
        assertThat(page("/assessments/" + kept, keeping)).contains(DELETED_NOTE);
        assertThat(mvc.perform(get("/assessments/" + kept).with(SignedIn.as(keeping.handler()))
                .header("Accept-Language", "de")).andReturn().getResponse().getContentAsString())
                .contains("Gemäß der Aufbewahrungsrichtlinie gelöscht");
        page("/assessments/" + kept + "/results/standard/evidence/1", keeping);
        assertThat(mvc.perform(get(shareUrl.substring(shareUrl.indexOf("/s/"))).with(r -> {
            r.setRemoteAddr("10.15.0.1");
            return r;
        })).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains(DELETED_NOTE);

        // delete: the old assessment is gone with its results and share links; the fresh one and the other stay
        String deletingToken = deleting.token(data);
        mvc.perform(get("/api/v1/assessments/" + gone).header("Authorization", "Bearer " + deletingToken))
                .andExpect(status().isNotFound());
        assertThat(count("select count(*) from assessment_findings where assessment_id = :id", gone)).isZero();
        assertThat(count("select count(*) from assessment_shares where assessment_id = :id", gone)).isZero();
        mvc.perform(get("/api/v1/assessments/" + fresh + "/results").header("Authorization", "Bearer " + deletingToken))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/assessments/" + otherAssessment + "/results")
                .header("Authorization", "Bearer " + defaults.token(data))).andExpect(status().isOk());

        // audited: one entry per deleted document and assessment, by the system, and one summary per organization
        for (String id : List.of(report, manual, oldReport)) {
            assertThat(count("select count(*) from audit_events where action = 'document.expired' and actor = 'system'"
                    + " and resource_id = :id", id)).isEqualTo(1);
        }
        assertThat(count("select count(*) from audit_events where action = 'assessment.expired' and actor = 'system'"
                + " and resource_id = :id", gone)).isEqualTo(1);
        mvc.perform(get("/api/v1/audit-events?action=retention.applied")
                        .header("Authorization", "Bearer " + data.tokenFor(keeping.tenant().admin())))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].details.documents_deleted").value(2))
                .andExpect(jsonPath("$.items[0].details.document_days").value(30));
        mvc.perform(get("/api/v1/audit-events/verify")
                        .header("Authorization", "Bearer " + data.tokenFor(keeping.tenant().admin())))
                .andExpect(jsonPath("$.valid").value(true));
        long audited = count("select count(*) from audit_events where action in ('document.expired', "
                + "'assessment.expired', 'retention.applied') and resource_id is not null and actor = :id", "system");

        // a second run deletes nothing more and audits nothing
        for (Org org : List.of(keeping, deleting, defaults)) {
            assertThat(run.apply(org.tenant().id(), clock.instant())).isEqualTo(new RetentionRun.Applied(0, 0, 0));
        }
        assertThat(count("select count(*) from audit_events where action in ('document.expired', "
                + "'assessment.expired', 'retention.applied') and resource_id is not null and actor = :id", "system"))
                .isEqualTo(audited);

        // once the unfinished assessment lets go of it, the held document is due as well
        documents.release(holder);
        preview(keeping).andExpect(jsonPath("$.documents").value(1));
        assertThat(run.apply(keeping.tenant().id(), clock.instant()).documents()).isEqualTo(1);
        assertGone(held, keys.get(held));
        assertThat(download(keeping, recent)).isEqualTo(recentBytes);
    }

    @Test
    void aDocumentCountsFromItsLastUseAndKeepForeverDeletesNothing() throws Exception {
        Org org = org();
        policy(org, "{\"document_days\": 10, \"assessments\": \"delete\"}");
        String report = upload(org, "report.pdf", SamplePdfs.pdf("Report IEC 62368-1"));
        clock.advance(Duration.ofDays(8));
        String used = completed(org, report, null);
        clock.advance(Duration.ofDays(8));
        preview(org).andExpect(jsonPath("$.documents").value(0)).andExpect(jsonPath("$.assessments").value(0));

        clock.advance(Duration.ofDays(3));
        policy(org, "{\"document_days\": null, \"assessments\": \"delete\"}");
        preview(org).andExpect(jsonPath("$.documents").value(0)).andExpect(jsonPath("$.kept_from").isEmpty());
        assertThat(run.apply(org.tenant().id(), clock.instant())).isEqualTo(new RetentionRun.Applied(0, 0, 0));

        policy(org, "{\"document_days\": 10, \"assessments\": \"delete\"}");
        preview(org).andExpect(jsonPath("$.documents").value(1)).andExpect(jsonPath("$.assessments").value(1));
        int size = size(org, report);
        assertThat(run.apply(org.tenant().id(), clock.instant())).isEqualTo(new RetentionRun.Applied(1, size, 1));
        mvc.perform(get("/api/v1/assessments/" + used).header("Authorization", "Bearer " + org.token(data)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theRunPurgesShareLinksTokensAndInvitationsLongEndedAndKeepsTheirAudit() throws Exception {
        Org org = org();
        String assessment = completed(org, upload(org, "report.pdf", SamplePdfs.pdf("Report IEC 62368-1")), null);
        String token = org.token(data);
        String expiring = share(token, assessment, 1);
        String revoked = share(token, assessment, 30);
        mvc.perform(delete("/api/v1/shares/" + revoked).header("Authorization", "Bearer " + token)).andExpect(status().isNoContent());
        String admin = data.tokenFor(org.tenant().admin());
        String invited = JsonPath.read(mvc.perform(json(post("/api/v1/users"), admin,
                        "{\"email\": \"invited-" + TestData.unique() + "@example.com\", \"name\": \"Invited\", "
                                + "\"role\": \"project_handler\"}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
        long tokensBefore = count("select count(*) from access_tokens where user_id = :id",
                org.handler().id().toString());
        assertThat(tokensBefore).isPositive();

        // 100 days on: everything above (the invitation ended after 7 days) ended more than 90 days ago
        clock.advance(Duration.ofDays(100));
        String fresh = org.token(data);
        String live = share(fresh, assessment, 7);
        String stillInvited = JsonPath.read(mvc.perform(json(post("/api/v1/users"), data.tokenFor(org.tenant().admin()),
                        "{\"email\": \"invited-" + TestData.unique() + "@example.com\", \"name\": \"Invited\", "
                                + "\"role\": \"project_handler\"}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");

        run.run();

        assertThat(count("select count(*) from assessment_shares where id = :id", expiring)).isZero();
        assertThat(count("select count(*) from assessment_shares where id = :id", revoked)).isZero();
        assertThat(count("select count(*) from assessment_shares where id = :id", live)).isEqualTo(1);
        assertThat(count("select count(*) from invitations where user_id = :id", invited)).isZero();
        assertThat(count("select count(*) from invitations where user_id = :id", stillInvited)).isEqualTo(1);
        assertThat(count("select count(*) from access_tokens where user_id = :id", org.handler().id().toString()))
                .as("only the token issued after the clock moved").isEqualTo(1);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + fresh)).andExpect(status().isOk());
        assertThat(count("select count(*) from audit_events where action = 'share.created' and resource_id = :id",
                expiring)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'retention.purged' "
                + "and organization_id is null").query(Long.class).single()).isPositive();
    }

    private String share(String token, String assessment, int days) throws Exception {
        return JsonPath.read(mvc.perform(json(post("/api/v1/assessments/" + assessment + "/shares"), token,
                "{\"expires_in_days\": " + days + "}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    private Org org() {
        TestData.Tenant tenant = data.newTenant();
        WorkflowId workflow = workflows.create(tenant.admin(), new WorkflowInput("LVD", null,
                List.of(new WorkflowInput.BucketInput("test_reports", "Test reports", true, 0),
                        new WorkflowInput.BucketInput("manuals", "Manuals", false, 1)),
                List.of(new WorkflowInput.CriterionInput("standard", "Test report cites IEC 62368-1", null,
                                List.of("test_reports"), null, 0,
                                List.of(new Check.Contains(List.of("IEC 62368-1"), null))),
                        new WorkflowInput.CriterionInput("safety", "Manual explains safe use",
                                "The manual gives safety instructions.", List.of("manuals"), null, 1, null)))).id();
        return new Org(tenant, tenant.user(Role.PROJECT_HANDLER), workflow);
    }

    private void policy(Org org, String body) throws Exception {
        mvc.perform(json(put("/api/v1/retention-settings"), data.tokenFor(org.tenant().admin()), body))
                .andExpect(status().isOk());
    }

    private ResultActions preview(Org org) throws Exception {
        return mvc.perform(get("/api/v1/retention-settings/preview")
                .header("Authorization", "Bearer " + data.tokenFor(org.tenant().admin()))).andExpect(status().isOk());
    }

    private String upload(Org org, String name, byte[] bytes) throws Exception {
        String token = org.token(data);
        String id = uploaded.upload(token, name, bytes);
        assertThat(uploaded.awaitRead(token, id)).isEqualTo("ready");
        return id;
    }

    private int size(Org org, String id) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/documents/" + id).header("Authorization", "Bearer "
                + org.token(data))).andReturn().getResponse().getContentAsString(), "$.size_bytes");
    }

    private String completed(Org org, String report, String manual) throws Exception {
        String token = org.token(data);
        String documentsJson = "{\"bucket\": \"test_reports\", \"document_id\": \"" + report + "\"}"
                + (manual == null ? "" : ", {\"bucket\": \"manuals\", \"document_id\": \"" + manual + "\"}");
        String id = JsonPath.read(mvc.perform(json(post("/api/v1/assessments"), token,
                "{\"workflow_id\": \"" + org.workflow() + "\", \"reference\": \"Retention\", \"documents\": ["
                        + documentsJson + "]}")).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString(), "$.id");
        awaitAssessment(mvc, token, id, "$.status", "completed", Duration.ofSeconds(90));
        return id;
    }

    private byte[] download(Org org, String id) throws Exception {
        return mvc.perform(get("/api/v1/documents/" + id + "/content").header("Authorization", "Bearer "
                + org.token(data))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private String page(String path, Org org) throws Exception {
        return mvc.perform(get(path).with(SignedIn.as(org.handler()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private void assertGone(String id, String storageKey) throws Exception {
        for (String table : List.of("documents where id", "document_pages where document_id",
                "document_signatures where document_id")) {
            assertThat(count("select count(*) from " + table + " = :id", id)).as(table).isZero();
        }
        assertThat(uploaded.storedObjectExists(storageKey)).as("stored object of %s", id).isFalse();
    }

    /** The count {@code sql} gives for {@code id}: a UUID, except for audit entries' text columns. */
    private long count(String sql, String id) {
        Object param = sql.contains("resource_id = :id") || sql.contains("actor = :id") ? id : UUID.fromString(id);
        return jdbc.sql(sql).param("id", param).query(Long.class).single();
    }
}

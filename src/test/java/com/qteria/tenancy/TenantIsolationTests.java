package com.qteria.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.jayway.jsonpath.JsonPath;
import com.qteria.assessment.AssessmentId;
import com.qteria.document.DocumentId;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.identity.security.Tokens;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tenancy, route by route. Enumerates every route the application registers under {@code /api} and every page route
 * that takes an id, and probes each as tenant A's admin (the most powerful tenant role) with tenant B's data:
 * a foreign id must answer 404 exactly like an id that does not exist, and a list must not show B's data.
 * A route without a probe in {@link #probes} fails the build: whoever adds a route says how it is isolated.
 */
@QteriaTest
class TenantIsolationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Tokens tokens;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    com.qteria.identity.IdentityManagement identity;
    @Autowired
    com.qteria.document.DocumentManagement documents;
    @Autowired
    com.qteria.assessment.AssessmentManagement assessments;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    TestData.Tenant a;
    String aToken;
    Foreign b;

    /** Tenant B's resources, one of each kind a route can name. */
    record Foreign(TestData.Tenant tenant, CurrentUser user, UUID personalTokenId, String personalToken, WorkflowId workflowId,
            DocumentId documentId, AssessmentId assessmentId, UUID shareId) {
    }

    sealed interface Probe {
    }

    /** The route names one resource by id: B's id must answer 404, like a made-up one, and change nothing. */
    record ById(Function<Foreign, Object> id, String body) implements Probe {
    }

    /** The route lists or summarises the caller's organization: nothing of B may appear. */
    record Listing() implements Probe {
    }

    /** The route touches no tenant data, or only the caller's own records by construction; says why. */
    record NotTenantData(String why) implements Probe {
    }

    static final String WORKFLOW = """
            {"name": "Mallory's", "buckets": [{"key": "reports", "name": "Reports"}],
             "criteria": [{"key": "c", "name": "C", "applies_to": ["*"]}]}""";

    static Map<String, Probe> probes() {
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("POST /api/v1/auth/token", new NotTenantData("signs in with email and password"));
        probes.put("DELETE /api/v1/auth/token", new NotTenantData("revokes the caller's own token"));
        probes.put("GET /api/version", new NotTenantData("build information"));
        probes.put("POST /api/v1/organizations", new NotTenantData("operator only; creates a new tenant"));
        probes.put("GET /api/v1/me", new Listing());
        probes.put("GET /api/v1/me/tokens", new Listing());
        probes.put("POST /api/v1/me/tokens", new NotTenantData("creates a token for the caller"));
        probes.put("DELETE /api/v1/me/tokens/{id}", new ById(Foreign::personalTokenId, null));
        probes.put("GET /api/v1/me/preferences", new Listing());
        probes.put("PUT /api/v1/me/preferences", new NotTenantData("changes the caller's own preferences"));
        probes.put("GET /api/v1/users", new Listing());
        probes.put("POST /api/v1/users", new NotTenantData("creates a user in the caller's organization"));
        probes.put("GET /api/v1/users/{id}", new ById(f -> f.user().id(), null));
        probes.put("PATCH /api/v1/users/{id}", new ById(f -> f.user().id(), "{\"name\": \"Mallory\", \"role\": \"project_handler\"}"));
        probes.put("DELETE /api/v1/users/{id}", new ById(f -> f.user().id(), null));
        probes.put("GET /api/v1/ai-settings", new Listing());
        probes.put("PUT /api/v1/ai-settings", new NotTenantData("changes the caller's own organization's AI settings"));
        probes.put("GET /api/v1/retention-settings", new Listing());
        probes.put("PUT /api/v1/retention-settings", new NotTenantData("changes the caller's own organization's retention policy"));
        probes.put("GET /api/v1/retention-settings/preview", new Listing());
        probes.put("GET /api/v1/feature-flags", new Listing());
        probes.put("PUT /api/v1/feature-flags/{key}", new NotTenantData("switches a flag for the caller's own organization"));
        probes.put("PUT /api/v1/feature-flags/{key}/users/{id}", new ById(f -> f.user().id(), "{\"enabled\": true}"));
        probes.put("GET /api/v1/feature-flags/global", new NotTenantData("operator only; the switches for everyone"));
        probes.put("PUT /api/v1/feature-flags/{key}/global", new NotTenantData("operator only; a switch for everyone"));
        probes.put("POST /admin/flags/{key}", new NotTenantData("switches a flag for the caller's own organization"));
        probes.put("POST /admin/flags/{key}/users", new NotTenantData("the person is a form field, another "
                + "organization's is 404 (FeatureFlagsApiTests)"));
        probes.put("GET /api/v1/audit-events", new Listing());
        probes.put("GET /api/v1/audit-events/export.csv", new Listing());
        probes.put("GET /api/v1/audit-events/verify", new Listing());
        probes.put("POST /api/v1/users/{id}/invitation", new ById(f -> f.user().id(), null));
        probes.put("POST /admin/users/{id}/invitation", new ById(f -> f.user().id(), null));
        probes.put("GET /invitations/{secret}", new NotTenantData("the unguessable secret is the credential"));
        probes.put("POST /invitations/{secret}", new NotTenantData("the unguessable secret is the credential"));
        probes.put("GET /api/v1/workflows", new Listing());
        probes.put("POST /api/v1/workflows", new NotTenantData("creates a workflow in the caller's organization"));
        probes.put("POST /api/v1/workflows/import", new NotTenantData("creates a workflow in the caller's organization"));
        probes.put("GET /api/v1/workflows/{id}", new ById(Foreign::workflowId, null));
        probes.put("PUT /api/v1/workflows/{id}", new ById(Foreign::workflowId, WORKFLOW));
        probes.put("DELETE /api/v1/workflows/{id}", new ById(Foreign::workflowId, null));
        probes.put("GET /api/v1/workflows/{id}/versions", new ById(Foreign::workflowId, null));
        probes.put("GET /api/v1/workflows/{id}/versions/{version}", new ById(Foreign::workflowId, null));
        probes.put("GET /api/v1/workflows/{id}/diff", new ById(Foreign::workflowId, null));
        probes.put("GET /api/v1/workflows/{id}/export", new ById(Foreign::workflowId, null));
        probes.put("GET /api/v1/workflows/{id}/insights", new ById(Foreign::workflowId, null));
        probes.put("GET /api/v1/workflow-templates", new NotTenantData("the shipped templates, the same for everyone"));
        probes.put("GET /api/v1/workflow-templates/{key}", new NotTenantData("the shipped templates, the same for everyone"));
        probes.put("GET /api/v1/documents", new Listing());
        probes.put("POST /api/v1/documents", new NotTenantData("uploads into the caller's organization"));
        probes.put("GET /api/v1/documents/{id}", new ById(Foreign::documentId, null));
        probes.put("GET /api/v1/documents/{id}/content", new ById(Foreign::documentId, null));
        probes.put("GET /api/v1/documents/{id}/text", new ById(Foreign::documentId, null));
        probes.put("DELETE /api/v1/documents/{id}", new ById(Foreign::documentId, null));
        probes.put("GET /documents/{id}", new ById(Foreign::documentId, null));
        probes.put("GET /api/v1/assessments", new Listing());
        probes.put("POST /api/v1/assessments", new NotTenantData("starts in the caller's organization; its workflow "
                + "and documents are looked up in it (AssessmentsApiTests: another tenant's ids are 404)"));
        probes.put("GET /api/v1/assessments/{id}", new ById(Foreign::assessmentId, null));
        probes.put("GET /api/v1/assessments/{id}/results", new ById(Foreign::assessmentId, null));
        probes.put("GET /api/v1/assessments/{id}/events", new ById(Foreign::assessmentId, null));
        probes.put("GET /api/v1/assessments/{id}/report.pdf", new ById(Foreign::assessmentId, null));
        probes.put("GET /api/v1/assessments/{id}/report.csv", new ById(Foreign::assessmentId, null));
        probes.put("GET /api/v1/assessments/{id}/report.json", new ById(Foreign::assessmentId, null));
        probes.put("POST /api/v1/assessments/{id}/cancel", new ById(Foreign::assessmentId, null));
        probes.put("PUT /api/v1/assessments/{id}/results/{criterion_key}/review", new ById(Foreign::assessmentId,
                "{\"verdict\": \"pass\", \"comment\": \"Mallory was here.\"}"));
        probes.put("DELETE /api/v1/assessments/{id}/results/{criterion_key}/review",
                new ById(Foreign::assessmentId, null));
        probes.put("POST /api/v1/assessments/{id}/results/{criterion_key}/feedback", new ById(Foreign::assessmentId,
                "{\"correct\": false, \"comment\": \"Mallory was here.\"}"));
        probes.put("POST /api/v1/assessments/{id}/rerun", new ById(Foreign::assessmentId, "{}"));
        probes.put("GET /api/v1/assessments/{id}/diff", new ById(Foreign::assessmentId, null));
        probes.put("POST /api/v1/assessments/{id}/shares", new ById(Foreign::assessmentId, "{}"));
        probes.put("GET /api/v1/assessments/{id}/shares", new ById(Foreign::assessmentId, null));
        probes.put("DELETE /api/v1/shares/{id}", new ById(Foreign::shareId, null));
        probes.put("GET /assessments/{id}/shares", new ById(Foreign::assessmentId, null));
        probes.put("POST /assessments/{id}/shares", new ById(Foreign::assessmentId, "expires_in_days=7"));
        probes.put("POST /shares/{id}/revoke", new ById(Foreign::shareId,
                "assessment=00000000-0000-7000-8000-000000000000"));
        probes.put("GET /s/{token}", new NotTenantData("public by design: the link's secret is the access; unknown, "
                + "expired and revoked secrets are the same 404 (ShareLinkTests)"));
        probes.put("GET /s/{token}/report.pdf", new NotTenantData("public by design, as GET /s/{token}: the same "
                + "report as PDF, the same 404 for an unknown, expired or revoked secret (ReportPdfTests)"));
        probes.put("POST /assessments/{id}/rerun", new ById(Foreign::assessmentId, "bucket=reports&document=x"));
        probes.put("GET /assessments/{id}", new ById(Foreign::assessmentId, null));
        probes.put("GET /assessments/{id}/events", new ById(Foreign::assessmentId, null));
        probes.put("GET /assessments/{id}/report.pdf", new ById(Foreign::assessmentId, null));
        probes.put("GET /assessments/{id}/report.csv", new ById(Foreign::assessmentId, null));
        probes.put("GET /assessments/{id}/report.json", new ById(Foreign::assessmentId, null));
        probes.put("POST /assessments/{id}/cancel", new ById(Foreign::assessmentId, null));
        probes.put("GET /assessments/{id}/results/{criterion_key}/evidence/{n}", new ById(Foreign::assessmentId, null));
        probes.put("POST /assessments/{id}/results/{criterion_key}/review", new ById(Foreign::assessmentId,
                "verdict=pass&comment=Mallory"));
        probes.put("POST /assessments/{id}/results/{criterion_key}/review/undo", new ById(Foreign::assessmentId, null));
        probes.put("POST /assessments/{id}/results/{criterion_key}/feedback", new ById(Foreign::assessmentId,
                "correct=false"));
        probes.put("GET /documents/{id}/status", new ById(Foreign::documentId, null));
        probes.put("GET /documents/{id}/content", new ById(Foreign::documentId, null));
        probes.put("POST /documents/{id}/delete", new ById(Foreign::documentId, null));
        probes.put("GET /workflows/{id}", new ById(Foreign::workflowId, null));
        probes.put("GET /workflows/{id}/versions", new ById(Foreign::workflowId, null));
        probes.put("GET /workflows/{id}/versions/{version}", new ById(Foreign::workflowId, null));
        probes.put("GET /workflows/{id}/diff", new ById(Foreign::workflowId, null));
        probes.put("GET /workflows/{id}/export", new ById(Foreign::workflowId, null));
        probes.put("GET /workflows/{id}/insights", new ById(Foreign::workflowId, null));
        probes.put("POST /workflows/{id}/archive", new ById(Foreign::workflowId, null));
        probes.put("GET /workflows/{id}/edit", new ById(Foreign::workflowId, null));
        probes.put("POST /workflows/{id}/edit", new ById(Foreign::workflowId,
                "action=save&name=Mallory&buckets%5B0%5D.name=B&criteria%5B0%5D.name=C&criteria%5B0%5D.appliesTo=*"));
        probes.put("POST /admin/users/{id}/role", new ById(f -> f.user().id(), "role=PROJECT_HANDLER"));
        probes.put("POST /admin/users/{id}/active", new ById(f -> f.user().id(), "active=false"));
        return probes;
    }

    @BeforeEach
    void twoTenants() {
        a = data.newTenant();
        aToken = a.adminToken();
        TestData.Tenant other = data.newTenant();
        CurrentUser user = other.user(Role.PROCESS_MANAGER);
        Tokens.IssuedToken pat = tokens.createPersonal(user, "B's token", 30);
        WorkflowId workflow = workflows.create(other.admin(), new WorkflowInput("B's workflow", null,
                List.of(new WorkflowInput.BucketInput("reports", "Reports", true, 0)),
                List.of(new WorkflowInput.CriterionInput("c", "C", null, List.of("*"), null, 0, null)))).id();
        DocumentId document = uploadFor(other.admin());
        AssessmentId assessment = assessments.start(other.admin(), new com.qteria.assessment.StartAssessment(workflow, "B's project",
                List.of(new com.qteria.assessment.StartAssessment.BucketDocument("reports", document)))).id();
        UUID share = UUID.randomUUID();
        jdbc.sql("""
                insert into assessment_shares (id, assessment_id, organization_id, token_hash, created_by, created_at,
                    expires_at, views)
                values (:id, :assessment, :tenant, :hash, 'b@example.com', current_timestamp, :expires, 0)""")
                .param("id", share).param("assessment", assessment.value()).param("tenant", other.uuid())
                .param("hash", share.toString()).param("expires", java.time.OffsetDateTime.now().plusDays(7)).update();
        b = new Foreign(other, user, pat.id(), pat.value(), workflow, document, assessment, share);
    }

    private DocumentId uploadFor(CurrentUser user) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("b-", ".pdf");
            java.nio.file.Files.write(file, com.qteria.support.SamplePdfs.pdf("B's confidential report"));
            return documents.upload(user, List.of(new com.qteria.document.Upload("b.pdf", file))).getFirst().id();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyRouteHasATenancyProbe() {
        Set<String> missing = new TreeSet<>(routes());
        missing.removeAll(probes().keySet());
        assertThat(missing)
                .as("Routes without a tenancy probe. Add each to TenantIsolationTests.probes() saying how it is isolated")
                .isEmpty();
    }

    @Test
    void foreignIdsAnswerLikeMissingOnesAndChangeNothing() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String route : routes()) {
            if (probes().get(route) instanceof ById probe) {
                String[] parts = route.split(" ", 2);
                Object foreign = probe.id().apply(b);
                MvcResult foreignResult = call(parts[0], concrete(parts[1], foreign), probe.body());
                MvcResult missingResult = call(parts[0], concrete(parts[1], UUID.randomUUID()), probe.body());
                int status = foreignResult.getResponse().getStatus();
                if (status != 404) {
                    failures.add(route + " answered " + status + " for another tenant's id");
                } else if (!comparable(foreignResult).equals(comparable(missingResult))) {
                    failures.add(route + " answers a foreign id differently from a missing one");
                }
            }
        }
        assertThat(failures).isEmpty();
        assertBUntouched();
    }

    @Test
    void listingsShowNothingOfAnotherTenant() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String route : routes()) {
            if (probes().get(route) instanceof Listing) {
                String[] parts = route.split(" ", 2);
                MvcResult result = call(parts[0], parts[1], null);
                String body = result.getResponse().getContentAsString();
                assertThat(result.getResponse().getStatus()).as(route).isEqualTo(200);
                for (String secret : List.of(b.tenant().uuid().toString(), b.user().id().toString(),
                        b.user().email(), b.tenant().admin().email(), b.personalTokenId().toString(),
                        b.workflowId().toString(), b.documentId().toString(), b.assessmentId().toString())) {
                    if (body.contains(secret)) {
                        leaks.add(route + " shows " + secret);
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** The route's path with the id, the other path variables, and the query parameters it needs. */
    private static String concrete(String pattern, Object id) {
        String path = pattern.replace("{id}", id.toString()).replace("{version}", "1")
                .replace("{criterion_key}", "c")
                .replace("{key}", "shared_report_pdf").replace("{n}", "1");
        return path.endsWith("/diff") ? path + "?from=1&to=1" : path;
    }

    @Test
    void lookupsByIdAcrossTenantsFindNothing() {
        assertThat(identity.userNames(a.id(), List.of(b.user().id(), a.admin().id())))
                .containsOnlyKeys(a.admin().id());
        assertThat(workflows.versions(b.tenant().id(), b.workflowId())).hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> workflows.versions(a.id(), b.workflowId()))
                .hasMessage("Workflow not found.");
        assertThat(documents.find(a.id(), List.of(b.documentId()))).isEmpty();
        assertThat(documents.find(b.tenant().id(), List.of(b.documentId()))).containsOnlyKeys(b.documentId());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> documents.pages(a.id(), b.documentId()))
                .hasMessage("Document not found.");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> documents.hold(a.id(), List.of(b.documentId()), UUID.randomUUID()))
                .hasMessage("Document not found.");
    }

    private void assertBUntouched() throws Exception {
        String me = mvc.perform(request(HttpMethod.GET, "/api/v1/me").header("Authorization", "Bearer " + b.personalToken()))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(me, "$.name")).isEqualTo(b.user().name());
        assertThat((String) JsonPath.read(me, "$.role")).isEqualTo("process_manager");
        assertThat(documents.get(b.tenant().id(), b.documentId()).filename()).isEqualTo("b.pdf");
        assertThat(assessments.get(b.tenant().id(), b.assessmentId()).status().finished()
                && assessments.get(b.tenant().id(), b.assessmentId()).status() != com.qteria.assessment.AssessmentStatus.COMPLETED)
                .as("B's assessment was not cancelled or failed by A").isFalse();
        assertThat(jdbc.sql("select count(*) from assessment_shares where id = :id and revoked_at is null")
                .param("id", b.shareId()).query(Integer.class).single()).as("B's share link was not revoked by A")
                .isEqualTo(1);
        WorkflowView workflow = workflows.get(b.tenant().id(), b.workflowId());
        assertThat(workflow.version()).isEqualTo(1);
        assertThat(workflow.archived()).isFalse();
    }

    private MvcResult call(String method, String path, String body) throws Exception {
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path);
        if (path.startsWith("/api/")) {
            request.header("Authorization", "Bearer " + aToken);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(body);
            }
        } else {
            CurrentUser admin = a.admin();
            request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(admin, null,
                    List.of(new SimpleGrantedAuthority(admin.role().authority()))))).with(csrf());
            if (body != null) {
                request.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body);
            }
        }
        return mvc.perform(request).andReturn();
    }

    /** The answer without what differs between any two requests (request id, the path itself). */
    private static String comparable(MvcResult result) throws Exception {
        return result.getResponse().getStatus() + " " + result.getResponse().getContentAsString()
                .replaceAll("\"request_id\":\"[^\"]*\"", "")
                .replaceAll("\"instance\":\"[^\"]*\"", "")
                .replaceAll("name=\"csrf-token\" content=\"[^\"]*\"", "")
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
    }

    /** "METHOD /pattern" for every API route, and every page route that names a resource by a path variable. */
    private Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                boolean api = pattern.startsWith("/api/");
                boolean pageWithId = !api && pattern.contains("{") && !pattern.startsWith("/error");
                if (!api && !pageWithId) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    routes.add("ANY " + pattern);
                }
                methods.forEach(m -> routes.add(m.name() + " " + pattern));
            }
        }
        return routes;
    }
}

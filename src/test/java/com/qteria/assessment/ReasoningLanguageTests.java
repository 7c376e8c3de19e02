package com.qteria.assessment;

import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import com.qteria.document.UploadedDocuments;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import com.qteria.workflow.Check;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A result's reasoning is a plain sentence in the reader's language, with buckets by name: the API in English unless
 * {@code Accept-Language} asks for German, the results page in the user's language.
 */
@QteriaTest
class ReasoningLanguageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;

    record Completed(TestData.Tenant tenant, String token, String id) {
    }

    /** "standard" passes on the report; "risk" applies to the empty optional bucket "Risk assessment". */
    Completed completed() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        WorkflowId workflow = workflows.create(tenant.admin(), new WorkflowInput("LVD", null,
                List.of(new WorkflowInput.BucketInput("test_reports", "Test reports", true, 0),
                        new WorkflowInput.BucketInput("risk_assessment", "Risk assessment", false, 1)),
                List.of(new WorkflowInput.CriterionInput("standard", "Test report cites IEC 62368-1", null,
                                List.of("test_reports"), null, 0,
                                List.of(new Check.Contains(List.of("IEC 62368-1"), null))),
                        new WorkflowInput.CriterionInput("risk", "Risks are assessed", null,
                                List.of("risk_assessment"), null, 1,
                                List.of(new Check.Contains(List.of("risk"), null)))))).id();
        String report = uploaded.upload(token, "report.pdf", SamplePdfs.pdf("Test report according to IEC 62368-1:2018"));
        String answer = mvc.perform(json(post("/api/v1/assessments"), token, AssessmentsApiTests.start(workflow,
                "test_reports", report))).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(answer, "$.id");
        Instant deadline = Instant.now().plusSeconds(90);
        while (!"completed".equals(JsonPath.read(mvc.perform(get("/api/v1/assessments/" + id)
                .header("Authorization", "Bearer " + token)).andReturn().getResponse().getContentAsString(), "$.status"))) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(250);
        }
        return new Completed(tenant, token, id);
    }

    @Test
    void theApiSaysItInEnglishUnlessGermanIsAsked() throws Exception {
        Completed c = completed();
        String english = mvc.perform(get("/api/v1/assessments/" + c.id() + "/results")
                .header("Authorization", "Bearer " + c.token())).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(english, "$.results[0].reasoning"))
                .isEqualTo("\u201cIEC 62368-1\u201d found in report.pdf (page 1).");
        assertThat(JsonPath.<String>read(english, "$.results[1].reasoning"))
                .isEqualTo("Not applicable \u2014 no document in Risk assessment.");
        assertThat(JsonPath.<String>read(english, "$.results[1].verdict")).isEqualTo("not_applicable");
        assertThat(JsonPath.<String>read(english, "$.summary.overall")).isEqualTo("pass");
        assertThat(JsonPath.<Integer>read(english, "$.summary.not_applicable")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(english, "$.summary.needs_review")).isZero();
        assertThat(english).doesNotContain("\"reasons\"");

        String german = mvc.perform(get("/api/v1/assessments/" + c.id() + "/results")
                .header("Authorization", "Bearer " + c.token()).header("Accept-Language", "de-DE,de;q=0.9"))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(german, "$.results[0].reasoning"))
                .isEqualTo("\u201eIEC 62368-1\u201c in report.pdf gefunden (Seite 1).");
        assertThat(JsonPath.<String>read(german, "$.results[1].reasoning"))
                .isEqualTo("Nicht anwendbar \u2014 kein Dokument in Risk assessment.");
    }

    @Test
    void theResultsPageSaysItInGermanWithBucketNames() throws Exception {
        Completed c = completed();
        CurrentUser admin = c.tenant().admin();
        String page = mvc.perform(get("/assessments/" + c.id() + "?lang=de")
                        .with(authentication(UsernamePasswordAuthenticationToken.authenticated(admin, null,
                                List.of(new SimpleGrantedAuthority(admin.role().authority()))))))
                .andReturn().getResponse().getContentAsString();
        // What a reader sees: the re-run form carries bucket keys in its fields, which nobody reads.
        String text = org.jsoup.Jsoup.parse(page).text();
        assertThat(text).contains("Nicht anwendbar \u2014 kein Dokument in Risk assessment.")
                .contains("Nicht anwendbar").contains("1 nicht anwendbar")
                .contains("\u201eIEC 62368-1\u201c in report.pdf gefunden (Seite 1).")
                .doesNotContain("risk_assessment");
    }
}

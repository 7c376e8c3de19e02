package com.qteria.assessment;

import static com.qteria.support.ApiRequests.awaitAssessment;
import static com.qteria.support.ApiRequests.json;
import static com.qteria.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.document.UploadedDocuments;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.SignedPdfs;
import com.qteria.support.TestData;
import com.qteria.workflow.Check;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 16, end to end through the server: a digital signature's evidence is the page of its field with signer, time
 * and coverage (stored with the document, shown in the results JSON and pages); a failure on absence shows the closest
 * match, marked so in the JSON, on the results page (English and German), in the shared CSV and in the viewer.
 */
@QteriaTest
class EvidenceKindsTests {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;

    @Test
    void aDigitalSignatureAndAClosestMatchAreShownForWhatTheyAre() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        WorkflowId workflow = workflows.create(tenant.admin(), new WorkflowInput("LVD declaration", null,
                List.of(new WorkflowInput.BucketInput("declaration", "Declaration", true, 0)),
                List.of(new WorkflowInput.CriterionInput("doc_signed", "Declaration is signed", null,
                                List.of("declaration"), null, 0, List.of(new Check.Signed())),
                        new WorkflowInput.CriterionInput("doc_lvd", "Declaration names the LVD 2014/35/EU", null,
                                List.of("declaration"), null, 1,
                                List.of(new Check.Contains(List.of("2014/35/EU"), null)))))).id();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] pdf = SignedPdfs.signer("CN=Jan Petersen, O=Nordlicht GmbH, C=DE").sign(SamplePdfs.pdf(
                "EU Declaration of Conformity", "The product complies with Directive 2014/30/EU (EMC).",
                "Annex: list of standards"), 1);
        String document = uploaded.upload(token, "doc-nordlicht.pdf", pdf);
        String id = JsonPath.read(mvc.perform(json(post("/api/v1/assessments"), token, "{\"workflow_id\": \""
                + workflow + "\", \"documents\": [{\"bucket\": \"declaration\", \"document_id\": \"" + document
                + "\"}]}")).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
        awaitAssessment(mvc, token, id, "$.status", "completed", Duration.ofSeconds(90));

        String results = mvc.perform(get("/api/v1/assessments/" + id + "/results")
                .header("Authorization", "Bearer " + token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(results, "$.results[?(@.criterion.key == 'doc_signed')].verdict"))
                .containsExactly("pass");
        Map<String, Object> field = JsonPath.<List<Map<String, Object>>>read(results,
                "$.results[?(@.criterion.key == 'doc_signed')].evidence[0]").getFirst();
        assertThat(field).containsEntry("kind", "digital_signature").containsEntry("page", 2)
                .containsEntry("verified", false).containsEntry("quote", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> signature = (Map<String, Object>) field.get("signature");
        assertThat(signature).containsEntry("signer", "Jan Petersen").containsEntry("covers_whole_document", true);
        Instant signedAt = Instant.parse((String) signature.get("signed_at")); // the CMS signing time
        assertThat(signedAt).isBetween(before, Instant.now());
        String minute = MINUTES.format(signedAt);
        assertThat(JsonPath.<List<String>>read(results, "$.results[?(@.criterion.key == 'doc_signed')].reasoning"))
                .containsExactly("doc-nordlicht.pdf is digitally signed by Jan Petersen. Signed on " + minute
                        + " UTC. Its signature field is on page 2.");

        Map<String, Object> closest = JsonPath.<List<Map<String, Object>>>read(results,
                "$.results[?(@.criterion.key == 'doc_lvd')].evidence[0]").getFirst();
        assertThat(closest).containsEntry("kind", "closest_match").containsEntry("page", 2)
                .containsEntry("verified", true)
                .containsEntry("quote", "The product complies with Directive 2014/30/EU (EMC).");
        assertThat(JsonPath.<List<String>>read(results, "$.results[?(@.criterion.key == 'doc_lvd')].verdict"))
                .containsExactly("fail");

        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        Document page = page(handler, "/assessments/" + id);
        assertThat(page.select("#result-doc_signed [data-testid=digital-signature]").text())
                .isEqualTo("Digital signature by Jan Petersen, signed " + minute + " UTC, covers the whole document");
        assertThat(page.select("#result-doc_signed [data-testid=evidence-link]").first().text())
                .startsWith("doc-nordlicht.pdf · p. 2");
        assertThat(page.select("#result-doc_signed [data-testid=evidence]").text()).contains("✓ signature verified")
                .doesNotContain("not verified");
        assertThat(page.select("#result-doc_lvd [data-testid=closest-match]").text()).isEqualTo("closest match");
        assertThat(page.select("#result-doc_lvd .wrap").text()).contains("Closest to “2014/35/EU” in "
                + "doc-nordlicht.pdf: “2014/30/EU” (page 2).");
        Document german = page(handler, "/assessments/" + id + "?lang=de");
        assertThat(german.select("#result-doc_lvd [data-testid=closest-match]").text()).isEqualTo("nächster Treffer");
        assertThat(german.select("#result-doc_signed [data-testid=digital-signature]").text())
                .isEqualTo("Digitale Signatur von Jan Petersen, signiert am " + minute + " UTC, deckt das ganze "
                        + "Dokument ab");

        Document viewer = page(handler, "/assessments/" + id + "/results/doc_signed/evidence/1");
        assertThat(viewer.select("[data-testid=viewer-location]").text()).isEqualTo("doc-nordlicht.pdf · p. 2");
        assertThat(viewer.select("[data-evidence-viewer]").attr("data-page")).isEqualTo("2");
        assertThat(viewer.select("[data-testid=viewer-unverified]")).isEmpty();
        Document nearest = page(handler, "/assessments/" + id + "/results/doc_lvd/evidence/1");
        assertThat(nearest.select("[data-testid=viewer-closest-match]")).hasSize(1);
        assertThat(nearest.select("[data-testid=highlight]")).hasSize(1);

        String csv = mvc.perform(get("/api/v1/assessments/" + id + "/report.csv")
                .header("Authorization", "Bearer " + token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("doc-nordlicht.pdf p. 2: digital signature by Jan Petersen, signed " + minute
                + " UTC, covers the whole document")
                .contains("doc-nordlicht.pdf p. 2: closest match: The product complies with Directive 2014/30/EU "
                        + "(EMC).");
        mvc.perform(get("/api/v1/assessments/" + id + "/report.pdf").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
    }

    private Document page(CurrentUser user, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }
}

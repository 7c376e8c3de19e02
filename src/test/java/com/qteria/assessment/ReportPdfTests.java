package com.qteria.assessment;

import static com.qteria.support.ApiRequests.awaitAssessment;
import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.document.UploadedDocuments;
import com.qteria.flags.Feature;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.SignedIn;
import com.qteria.support.TestData;
import com.qteria.workflow.Check;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The PDF report (issue 13, acceptance 1): PDFBox opens it; its text (pdftotext where installed, PDFBox's always)
 * holds every criterion's name, verdict and evidence quote, the review beside the machine's verdict, and every
 * document's SHA-256; English and German; tagged, PDF/A-2u, fonts embedded; 50 criteria under 1 MB; audited; 409
 * until completed, 404 for another organization; through a share link without signing in, audited per view, 404
 * once revoked (its organization a pilot of {@link Feature#SHARED_REPORT_PDF}; what the flag changes:
 * SharedReportPdfFlagTests).
 */
@QteriaTest
class ReportPdfTests {

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
    void theReportHoldsEveryCriterionVerdictQuoteReviewAndFingerprintInEnglish() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        mvc.perform(json(put(c.results("safety") + "/review"), c.token(),
                        "{\"verdict\": \"fail\", \"comment\": \"The manual lacks the mains warning.\"}"))
                .andExpect(status().isOk());

        byte[] pdf = mvc.perform(get("/api/v1/assessments/" + c.id() + "/report.pdf")
                        .header("Authorization", "Bearer " + c.setup().tenant().tokenOf(Role.PROCESS_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"assessment-Client-project-4711.pdf\""))
                .andReturn().getResponse().getContentAsByteArray();

        String text = text(pdf);
        assertThat(text).contains("Assessment report", "Client project 4711", "LVD, version 1",
                "Test report cites IEC 62368-1", "Manual explains safe use", "Pass", "Fail",
                "IEC 62368-1:2018", "report.pdf · p. 1", "Machine verdict: Needs review · Reviewed: Fail by",
                "The manual lacks the mains warning.", "Documents assessed", "Test reports", "Manuals",
                "By checks · high confidence");
        for (String sha256 : jdbc.sql("select sha256 from documents where id in (:ids)")
                .param("ids", List.of(UUID.fromString(c.setup().report()), UUID.fromString(c.setup().manual())))
                .query(String.class).list()) {
            assertThat(text).as("every document's fingerprint, unbroken").contains(sha256);
        }
        assertThat(text.indexOf("Manual explains safe use")).as("failures first")
                .isLessThan(text.indexOf("Test report cites IEC 62368-1"));
        assertArchivable(pdf, "Assessment report: Client project 4711", "en");

        mvc.perform(get("/api/v1/audit-events?action=assessment.exported")
                        .header("Authorization", "Bearer " + c.setup().tenant().adminToken()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].details.format").value("pdf"));
    }

    @Test
    void theReportSpeaksGermanWhenAskedAndOnTheGermanResultsPage() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        byte[] pdf = mvc.perform(get("/api/v1/assessments/" + c.id() + "/report.pdf")
                        .header("Authorization", "Bearer " + c.token()).header("Accept-Language", "de-DE,de;q=0.9"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = text(pdf);
        assertThat(text).contains("Prüfbericht", "Client project 4711", "LVD, Version 1", "Gestartet von",
                "Erfüllt", "Zu prüfen", "Geprüfte Dokumente", "Datei und SHA-256-Fingerabdruck", "report.pdf · S. 1",
                "IEC 62368-1:2018");
        assertThat(text).doesNotContain("Assessment report", "Started by");
        assertArchivable(pdf, "Prüfbericht: Client project 4711", "de");
    }

    @Test
    void fiftyCriteriaMakeASmallReportWithEveryNameVerdictAndQuote() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        List<String> pages = new ArrayList<>();
        List<WorkflowInput.CriterionInput> criteria = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            pages.add(i % 4 == 0 ? "Clause " + i + " is left for the next revision."
                    : "Clause " + i + ": the enclosure withstands " + (i * 10) + " N of force.");
            criteria.add(new WorkflowInput.CriterionInput("clause_" + i, "Clause " + i + " states the force rating",
                    null, List.of("test_reports"), null, i - 1,
                    List.of(new Check.Contains(List.of("withstands " + (i * 10) + " N"), null))));
        }
        WorkflowId workflow = workflows.create(tenant.admin(), new WorkflowInput("Mechanical strength", null,
                List.of(new WorkflowInput.BucketInput("test_reports", "Test reports", true, 0)), criteria)).id();
        String report = uploaded.upload(token, "strength-report.pdf", SamplePdfs.pdf(pages.toArray(String[]::new)));
        String id = JsonPath.read(mvc.perform(json(post("/api/v1/assessments"), token,
                        AssessmentsApiTests.start(workflow, "test_reports", report)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
        awaitAssessment(mvc, token, id, "$.status", "completed", Duration.ofSeconds(90));

        byte[] pdf = mvc.perform(get("/api/v1/assessments/" + id + "/report.pdf")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(pdf.length).as("under 1 MB").isLessThan(1024 * 1024);
        String text = text(pdf).replaceAll("\\s+", " ");
        for (int i = 1; i <= 50; i++) {
            assertThat(text).contains("Clause " + i + " states the force rating");
            if (i % 4 != 0) {
                assertThat(text).contains("“withstands " + (i * 10) + " N”", "strength-report.pdf · p. " + i);
            }
        }
        assertThat(text.split("✓ Pass", -1)).as("37 passes and the overall verdict's word").hasSize(38 + 1);
        assertThat(text.split("✗ Fail", -1)).as("12 failures and the overall verdict").hasSize(13 + 1);
        assertArchivable(pdf, "Assessment report: Client project 4711", "en");
    }

    @Test
    void controlCharactersInAnyTextCannotBreakTheReport() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        mvc.perform(json(put(c.results("safety") + "/review"), c.token(),
                        "{\"verdict\": \"fail\", \"comment\": \"Bell\\u0007 and form feed\\u000c & <b>markup</b> \\ud83d\\ude00\"}"))
                .andExpect(status().isOk());
        byte[] pdf = mvc.perform(get("/api/v1/assessments/" + c.id() + "/report.pdf")
                        .header("Authorization", "Bearer " + c.token()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(text(pdf)).contains("Bell and form feed & <b>markup</b>");
    }

    @Test
    void aReferenceWithUmlautsKeepsThemInTheDownloadsName() throws Exception {
        AssessmentsApiTests.Setup s = AssessmentsApiTests.setup(data, uploaded, workflows);
        String id = JsonPath.read(mvc.perform(json(post("/api/v1/assessments"), s.token(),
                        AssessmentsApiTests.start(s.workflow(), "test_reports", s.report())
                                .replace("Client project 4711", "Prüfung Größe 7")))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
        awaitAssessment(mvc, s.token(), id, "$.status", "completed", Duration.ofSeconds(90));
        for (String format : new String[] {"pdf", "csv", "json"}) {
            mvc.perform(get("/api/v1/assessments/" + id + "/report." + format)
                            .header("Authorization", "Bearer " + s.token()))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", "attachment; filename=\"assessment-Pr-fung-Gr-e-7."
                            + format + "\"; filename*=UTF-8''assessment-Pr%C3%BCfung-Gr%C3%B6%C3%9Fe-7." + format));
        }
    }

    @Test
    void notCompletedIs409AnotherOrganizationsIs404AndNobodyUnsignedGetsIt() throws Exception {
        AssessmentsApiTests.Setup s = AssessmentsApiTests.setup(data, uploaded, workflows);
        String unfinished = ResultReviewApiTests.unfinished(mvc, s, uploaded, jdbc);
        mvc.perform(get("/api/v1/assessments/" + unfinished + "/report.pdf").header("Authorization", "Bearer " + s.token()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ASSESSMENT_NOT_READY"));
        mvc.perform(post("/api/v1/assessments/" + unfinished + "/cancel").header("Authorization", "Bearer " + s.token()))
                .andExpect(status().isOk());

        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        mvc.perform(get("/api/v1/assessments/" + c.id() + "/report.pdf")
                        .header("Authorization", "Bearer " + data.newTenant().tokenOf(Role.ADMIN)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assessments/" + c.id() + "/report.pdf")).andExpect(status().isUnauthorized());
    }

    @Test
    void aShareLinkGivesThePdfWithoutSigningInAuditedAndNotOnceRevoked() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        c.setup().tenant().with(Feature.SHARED_REPORT_PDF);
        String created = mvc.perform(json(post("/api/v1/assessments/" + c.id() + "/shares"), c.token(), "{}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String path = java.net.URI.create(JsonPath.<String>read(created, "$.url")).getPath();

        String page = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"" + path + "/report.pdf\"", "data-testid=\"shared-pdf\"");
        byte[] pdf = mvc.perform(get(path + "/report.pdf").header("Accept-Language", "de"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(text(pdf)).contains("Test report cites IEC 62368-1", "IEC 62368-1:2018");
        assertThat(jdbc.sql("""
                        select details from audit_events where action = 'share.viewed' and resource_id = :id
                        order by seq""").param("id", JsonPath.<String>read(created, "$.id")).query(String.class).list())
                .hasSize(2).satisfies(views -> {
                    assertThat(views.get(0)).contains("\"viewed\":\"page\"");
                    assertThat(views.get(1)).contains("\"viewed\":\"pdf\"");
                });

        for (String elsewhere : new String[] {path + "/documents/" + c.setup().report(),
                path + "/assessments/" + c.id(), path + "/report.csv", path + "/report.json",
                path + "/" + c.setup().report(), path + "/report.pdf/" + c.id()}) {
            mvc.perform(get(elsewhere)).andExpect(status().isNotFound());
        }

        mvc.perform(delete("/api/v1/shares/" + JsonPath.read(created, "$.id")).header("Authorization", "Bearer " + c.token()))
                .andExpect(status().isNoContent());
        mvc.perform(get(path + "/report.pdf")).andExpect(status().isNotFound());
        mvc.perform(get("/s/" + "A".repeat(43) + "/report.pdf")).andExpect(status().isNotFound());
    }

    @Test
    void theResultsPageOffersThePdfInItsLanguage() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        var handler = c.setup().tenant().user(Role.PROJECT_HANDLER);
        String page = mvc.perform(get("/assessments/" + c.id()).with(SignedIn.as(handler)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/assessments/" + c.id() + "/report.pdf", "data-testid=\"export-pdf\"");
        byte[] pdf = mvc.perform(get("/assessments/" + c.id() + "/report.pdf").with(SignedIn.as(handler))
                        .locale(java.util.Locale.GERMAN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(text(pdf)).contains("Prüfbericht");
    }

    /** PDFBox opens it; tagged, PDF/A-2u with an output intent, the title and language given, every font embedded. */
    private static void assertArchivable(byte[] pdf, String title, String language) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isPositive();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(title);
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo(language);
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("tagged").isNotNull();
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getOutputIntents()).isNotEmpty();
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).containsPattern("pdfaid:part[>=\"]+2").containsPattern("pdfaid:conformance[>=\"]+U");
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                }
            }
        }
    }

    /** The PDF's text as pdftotext (Poppler) reads it where installed, else as PDFBox reads it. */
    static String text(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("report", ".pdf");
        try {
            Files.write(file, pdf);
            if (Files.isExecutable(Path.of("/usr/bin/pdftotext"))) {
                Process process = new ProcessBuilder("/usr/bin/pdftotext", "-enc", "UTF-8", file.toString(), "-")
                        .redirectErrorStream(true).start();
                String text = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as(text).isZero();
                return text;
            }
            try (PDDocument document = Loader.loadPDF(pdf)) {
                return new PDFTextStripper().getText(document);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

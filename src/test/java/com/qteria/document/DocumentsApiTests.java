package com.qteria.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.MutableClock;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.SignedIn;
import com.qteria.support.TestData;
import com.qteria.support.TestData.Tenant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@QteriaTest
class DocumentsApiTests {

    static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0};

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    DocumentManagement documents;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    MutableClock clock;

    @Test
    void anUploadIsRecordedHashedAndReadInTheBackground() throws Exception {
        Tenant tenant = data.newTenant();
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        byte[] pdf = SamplePdfs.pdf("Test report according to IEC 62368-1", "Date of issue: 2026-03-01");
        String answer = mvc.perform(multipart("/api/v1/documents")
                        .file(new MockMultipartFile("file", "test-report.pdf", "application/octet-stream", pdf))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].filename").value("test-report.pdf"))
                .andExpect(jsonPath("$.items[0].media_type").value("application/pdf"))
                .andExpect(jsonPath("$.items[0].size_bytes").value(pdf.length))
                .andExpect(jsonPath("$.items[0].sha256").value(sha256(pdf)))
                .andExpect(jsonPath("$.items[0].status").value("processing"))
                .andExpect(jsonPath("$.items[0].uploaded_by").exists())
                .andExpect(jsonPath("$.items[0].uploaded_at").exists())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(answer, "$.items[0].id");

        uploaded.awaitRead(token, id);
        mvc.perform(get("/api/v1/documents/" + id).header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.status").value("ready"))
                .andExpect(jsonPath("$.pages").value(2))
                .andExpect(jsonPath("$.error").doesNotExist());
        mvc.perform(get("/api/v1/documents/" + id + "/text").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pages.length()").value(2))
                .andExpect(jsonPath("$.pages[0].number").value(1))
                .andExpect(jsonPath("$.pages[0].text").value("Test report according to IEC 62368-1"))
                .andExpect(jsonPath("$.pages[0].ocr").value(false))
                .andExpect(jsonPath("$.pages[1].text").value("Date of issue: 2026-03-01"));
        mvc.perform(get("/api/v1/audit-events?action=document.uploaded").header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(jsonPath("$.items[0].resource_id").value(id))
                .andExpect(jsonPath("$.items[0].details.sha256").value(sha256(pdf)));
        mvc.perform(get("/api/v1/audit-events?action=document.text_downloaded")
                        .header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].resource_id").value(id))
                .andExpect(jsonPath("$.items[0].details.filename").value("test-report.pdf"));
    }

    @Test
    void severalFilesInOneRequestIncludingWord() throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        String answer = mvc.perform(multipart("/api/v1/documents")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", SamplePdfs.pdf("First")))
                        .file(new MockMultipartFile("file", "b.pdf", "application/pdf", SamplePdfs.pdf("Second")))
                        .file(new MockMultipartFile("file", "manual.docx", "application/octet-stream",
                                SamplePdfs.docx("User manual", "Safety instructions")))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[*].filename").value(org.hamcrest.Matchers.contains("a.pdf", "b.pdf", "manual.docx")))
                .andExpect(jsonPath("$.items[2].media_type")
                        .value("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/v1/documents").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.page.total_items").value(3));
        String word = JsonPath.read(answer, "$.items[2].id");
        assertThat(uploaded.awaitRead(token, word)).isEqualTo("ready");
        mvc.perform(get("/api/v1/documents/" + word + "/text").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.pages[0].text").value(org.hamcrest.Matchers.containsString("Safety instructions")));
    }

    @Test
    void typesAreRecognisedByContentAndAnythingElseIs415WithNothingStored() throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        mvc.perform(multipart("/api/v1/documents")
                        .file(new MockMultipartFile("file", "report.pdf", "application/pdf", ELF))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("report.pdf")));
        mvc.perform(multipart("/api/v1/documents")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", SamplePdfs.pdf("Fine")))
                        .file(new MockMultipartFile("file", "notes.txt", "text/plain",
                                "Just text, no PDF".getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("notes.txt")));
        mvc.perform(get("/api/v1/documents").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.page.total_items").value(0));
    }

    @Test
    void anEmptyFileIs415SayingItIsEmpty() throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        mvc.perform(multipart("/api/v1/documents")
                        .file(new MockMultipartFile("file", "X.pdf", "application/pdf", new byte[0]))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"))
                .andExpect(jsonPath("$.detail").value("Unable to read X.pdf. The file is empty. "
                        + "Choose the complete file and upload it again."));
        mvc.perform(multipart("/api/v1/documents")
                        .file(new MockMultipartFile("file", "notes.txt", "text/plain",
                                "Just text, no PDF".getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.detail").value("Unable to read notes.txt. It is neither a PDF nor a Word "
                        + "(DOCX) document. Save it as a PDF or DOCX file and upload that."));
        mvc.perform(get("/api/v1/documents").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.page.total_items").value(0));
    }

    @Test
    void aRequestWithoutFilesIsMalformed() throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        mvc.perform(multipart("/api/v1/documents")
                        .file(new MockMultipartFile("other", "a.pdf", "application/pdf", SamplePdfs.pdf("x")))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
    }

    @Test
    void contentIsTheOriginalInlineWithRangeSupport() throws Exception {
        Tenant tenant = data.newTenant();
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        byte[] pdf = SamplePdfs.pdf("Range me");
        String id = uploaded.upload(token, "range.pdf", pdf);
        byte[] whole = mvc.perform(get("/api/v1/documents/" + id + "/content").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")))
                .andExpect(header().string("Accept-Ranges", "bytes"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(whole).isEqualTo(pdf);
        byte[] part = mvc.perform(get("/api/v1/documents/" + id + "/content").header("Authorization", "Bearer " + token)
                        .header("Range", "bytes=100-199"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 100-199/" + pdf.length))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(part).isEqualTo(Arrays.copyOfRange(pdf, 100, 200));
        byte[] tail = mvc.perform(get("/api/v1/documents/" + id + "/content").header("Authorization", "Bearer " + token)
                        .header("Range", "bytes=-10"))
                .andExpect(status().isPartialContent())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(tail).isEqualTo(Arrays.copyOfRange(pdf, pdf.length - 10, pdf.length));
        mvc.perform(get("/api/v1/documents/" + id + "/content").header("Authorization", "Bearer " + token)
                        .header("Range", "bytes=" + (pdf.length + 10) + "-"))
                .andExpect(status().isRequestedRangeNotSatisfiable());
        String audit = mvc.perform(get("/api/v1/audit-events?action=document.downloaded")
                        .header("Authorization", "Bearer " + tenant.adminToken()))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(audit, "$.items[*].resource_id")).containsOnly(id).hasSize(1);
    }

    @Test
    void everyRangeThatReturnsTheWholeFileIsAuditedAndAnUnsatisfiableOneGetsAnEmpty416() throws Exception {
        Opened file = opened("Ranges that cover everything");
        assertThat(read(file.token(), file.id(), "bytes=-100000000", 206)).isEqualTo(file.pdf());
        assertThat(downloads(file.tenant(), file.id())).isEqualTo(2);
        assertThat(read(file.token(), file.id(), "bytes=00-", 206)).isEqualTo(file.pdf());
        assertThat(downloads(file.tenant(), file.id())).isEqualTo(3);
        int size = file.pdf().length;
        for (String unsatisfiable : List.of("bytes=1-,0-0", "bytes=" + size + "-", "pages=1-2")) {
            mvc.perform(get("/api/v1/documents/" + file.id() + "/content")
                            .header("Authorization", "Bearer " + file.token()).header("Range", unsatisfiable))
                    .andExpect(status().isRequestedRangeNotSatisfiable())
                    .andExpect(header().string("Content-Range", "bytes */" + size))
                    .andExpect(content().bytes(new byte[0]));
        }
        assertThat(downloads(file.tenant(), file.id())).isEqualTo(3);
    }

    @Test
    void aViewerReadingOnIsAuditedOncePerWindowAndAReaderWhoNeverOpenedTheFileIsAuditedToo() throws Exception {
        Opened file = opened("A viewer reads this in parts");
        int size = file.pdf().length;
        for (int start = 100; start < size; start += 100) {
            int end = Math.min(start + 100, size);
            assertThat(read(file.token(), file.id(), "bytes=" + start + "-" + (end - 1), 206))
                    .isEqualTo(Arrays.copyOfRange(file.pdf(), start, end));
        }
        assertThat(downloads(file.tenant(), file.id())).isEqualTo(1);

        clock.advance(Duration.ofMinutes(11));
        read(file.token(), file.id(), "bytes=100-199", 206);
        read(file.token(), file.id(), "bytes=200-299", 206);
        assertThat(downloads(file.tenant(), file.id())).isEqualTo(2);

        String other = file.tenant().tokenOf(Role.PROJECT_HANDLER);
        assertThat(read(other, file.id(), "bytes=1-", 206)).isEqualTo(Arrays.copyOfRange(file.pdf(), 1, size));
        assertThat(downloads(file.tenant(), file.id())).isEqualTo(3);
    }

    @Test
    void thePagesServeTheSameBytesUnderTheSameAuditRule() throws Exception {
        Tenant tenant = data.newTenant();
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        byte[] pdf = SamplePdfs.pdf("Read in the browser");
        String id = uploaded.upload(data.tokenFor(handler), "browser.pdf", pdf);

        byte[] tail = mvc.perform(get("/documents/" + id + "/content").with(SignedIn.as(handler))
                        .header("Range", "bytes=-10"))
                .andExpect(status().isPartialContent())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(tail).isEqualTo(Arrays.copyOfRange(pdf, pdf.length - 10, pdf.length));
        mvc.perform(get("/documents/" + id + "/content").with(SignedIn.as(handler))
                        .header("Range", "bytes=1-,0-0"))
                .andExpect(status().isRequestedRangeNotSatisfiable())
                .andExpect(content().bytes(new byte[0]));
        assertThat(downloads(tenant, id)).isEqualTo(1);
    }

    /** A new organization's document, uploaded and then downloaded whole by its uploader: one audit entry. */
    private Opened opened(String text) throws Exception {
        Tenant tenant = data.newTenant();
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        byte[] pdf = SamplePdfs.pdf(text);
        String id = uploaded.upload(token, "opened.pdf", pdf);
        assertThat(read(token, id, null, 200)).isEqualTo(pdf);
        assertThat(downloads(tenant, id)).isEqualTo(1);
        return new Opened(tenant, token, pdf, id);
    }

    record Opened(Tenant tenant, String token, byte[] pdf, String id) {
    }

    private byte[] read(String token, String id, String range, int expectedStatus) throws Exception {
        var request = get("/api/v1/documents/" + id + "/content").header("Authorization", "Bearer " + token);
        if (range != null) {
            request.header("Range", range);
        }
        return mvc.perform(request).andExpect(status().is(expectedStatus))
                .andReturn().getResponse().getContentAsByteArray();
    }

    private int downloads(Tenant tenant, String id) throws Exception {
        String audit = mvc.perform(get("/api/v1/audit-events?action=document.downloaded&size=100")
                        .header("Authorization", "Bearer " + tenant.adminToken()))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.<List<String>>read(audit, "$.items[?(@.resource_id == '" + id + "')]").size();
    }

    @Test
    void deleteIs409WhileAnUnfinishedAssessmentHoldsTheDocumentThen204AndTheObjectIsGone() throws Exception {
        Tenant tenant = data.newTenant();
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        String id = uploaded.upload(token, "held.pdf", SamplePdfs.pdf("Held"));
        UUID assessment = UUID.randomUUID();
        documents.hold(tenant.id(), List.of(new DocumentId(UUID.fromString(id))), assessment);
        mvc.perform(delete("/api/v1/documents/" + id).header("Authorization", "Bearer " + token))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONFLICT"));
        String key = uploaded.storageKey(id);
        assertThat(uploaded.storedObjectExists(key)).isTrue();

        documents.release(assessment);
        mvc.perform(delete("/api/v1/documents/" + id).header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/documents/" + id).header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        assertThat(uploaded.storedObjectExists(key)).isFalse();
        mvc.perform(get("/api/v1/audit-events?action=document.deleted").header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(jsonPath("$.items[0].resource_id").value(id));
    }

    @Test
    void anotherOrganizationsDocumentIs404ForEveryRoute() throws Exception {
        String owner = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        String id = uploaded.upload(owner, "mine.pdf", SamplePdfs.pdf("Mine"));
        String stranger = data.newTenant().adminToken();
        for (String path : List.of("", "/content", "/text")) {
            mvc.perform(get("/api/v1/documents/" + id + path).header("Authorization", "Bearer " + stranger))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        }
        mvc.perform(delete("/api/v1/documents/" + id).header("Authorization", "Bearer " + stranger))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/documents/" + id).header("Authorization", "Bearer " + owner))
                .andExpect(status().isOk());
    }

    @Test
    void uploadedBytesNeverAppearInPlainTextUnderTheStorageRoot() throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        String secret = "CONFIDENTIAL-CLIENT-DESIGN-" + UUID.randomUUID();
        byte[] pdf = SamplePdfs.pdf(secret, secret);
        String id = uploaded.upload(token, "secret.pdf", pdf);
        uploaded.awaitRead(token, id);
        assertThat(uploaded.storedFiles()).isNotEmpty();
        uploaded.assertNoStoredFileContains(pdf, secret.getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

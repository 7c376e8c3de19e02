package com.qteria.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.qteria.document.DocumentId;
import com.qteria.document.UploadedDocuments;
import com.qteria.identity.Role;
import com.qteria.support.Browser;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import com.qteria.workflow.Check;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Names without spaces as long as the app takes them (file names, workflow names, references) wrap: no page is wider
 * than the window, on a desktop (1280 px) or a phone (390 px).
 */
@QteriaTest
class LongNamesBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    AssessmentManagement assessments;

    @Test
    void noPageIsWiderThanTheWindow() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        WorkflowId workflow = workflows.create(tenant.admin(), new WorkflowInput(longName("Workflow", 200), null,
                List.of(new WorkflowInput.BucketInput("test_reports", longName("Bucket", 120), true, 0)),
                List.of(new WorkflowInput.CriterionInput("standard", longName("Criterion", 200), null,
                        List.of("test_reports"), null, 0, List.of(new Check.Contains(List.of("IEC 62368-1"), null))))))
                .id();
        String document = uploaded.upload(token, longName("Report", 296) + ".pdf",
                SamplePdfs.pdf("Test report according to IEC 62368-1:2018"));
        AssessmentId assessment = assessments.start(tenant.admin(), new StartAssessment(workflow, longName("Reference", 200),
                List.of(new StartAssessment.BucketDocument("test_reports", new DocumentId(UUID.fromString(document)))))).id();
        awaitCompleted(tenant, assessment);

        Page page = browser.open(port);
        Browser.signIn(page, tenant.admin().email(), TestData.PASSWORD);
        List<String> pages = List.of("/", "/documents", "/documents/" + document, "/workflows", "/workflows/new",
                "/workflows/" + workflow, "/workflows/" + workflow + "/versions", "/workflows/" + workflow + "/edit",
                "/assessments", "/assessments/new", "/assessments/new?workflow=" + workflow,
                "/assessments/" + assessment, "/admin/audit");
        List<String> tooWide = new ArrayList<>();
        for (String lang : new String[] {"en", "de"}) {
            page.navigate("/?lang=" + lang);
            for (int width : new int[] {1280, 390}) {
                page.setViewportSize(width, 800);
                for (String path : pages) {
                    page.navigate(path);
                    Browser.capture(page, "long-names-" + lang + "-" + width + path.replaceAll("[^a-z0-9]+", "-"));
                    int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
                    int innerWidth = ((Number) page.evaluate("window.innerWidth")).intValue();
                    if (scrollWidth > innerWidth) {
                        tooWide.add(path + " (" + lang + ") is " + scrollWidth + " px wide in a " + innerWidth
                                + " px window");
                    }
                }
            }
        }
        assertThat(tooWide).isEmpty();
    }

    /** {@code prefix} followed by digits, {@code length} characters in all, without a space. */
    private static String longName(String prefix, int length) {
        StringBuilder name = new StringBuilder(prefix);
        while (name.length() < length) {
            name.append(name.length() % 10);
        }
        return name.toString();
    }

    private void awaitCompleted(TestData.Tenant tenant, AssessmentId id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (assessments.get(tenant.id(), id).status() != AssessmentStatus.COMPLETED) {
            assertThat(Instant.now()).as("assessment %s completed", id).isBefore(deadline);
            Thread.sleep(200);
        }
    }
}

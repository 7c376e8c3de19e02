package com.qteria.assessment.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.qteria.assessment.AssessmentId;
import com.qteria.assessment.AssessmentManagement;
import com.qteria.assessment.AssessmentStatus;
import com.qteria.assessment.StartAssessment;
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
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A progress stream does not hold up a shutdown: when the instance stops ({@link ProgressEvents#stop()}, which the
 * application context calls before the web server's graceful drain), every open stream gets a {@code reconnect} event
 * with a {@code retry} time and ends, a stream asked for meanwhile gets the same at once, and the assessment page's
 * script (an EventSource it does not close on error) connects again by itself and is sent the current state.
 */
@QteriaTest
class ProgressStreamShutdownTests {

    @RegisterExtension
    static final Browser browser = new Browser();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

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
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProgressEvents progress;

    @AfterEach
    void serveAgain() {
        progress.start();
    }

    @Test
    void anOpenStreamIsToldToReconnectAndEndsWhenTheInstanceStops() throws Exception {
        Followed followed = unfinished();
        try (BufferedReader stream = follow(followed)) {
            assertThat(nextEvent(stream)).as("the state at once").containsEntry("event", "progress");

            progress.stop();

            Map<String, String> reconnect = nextEvent(stream);
            assertThat(reconnect).containsEntry("event", "reconnect")
                    .containsEntry("retry", String.valueOf(ProgressEvents.RECONNECT_AFTER.toMillis()));
            assertThat(stream.readLine()).as("the stream has ended").isNull();
        }
        try (BufferedReader late = follow(followed)) {
            assertThat(nextEvent(late)).as("a stream asked for while stopping").containsEntry("event", "reconnect");
            assertThat(late.readLine()).isNull();
        }
    }

    @Test
    void theAssessmentPageReconnectsByItselfAndGetsTheCurrentState() throws Exception {
        Followed followed = unfinished();
        Page page = browser.open(port);
        Browser.signIn(page, followed.tenant().user(Role.PROJECT_HANDLER).email(), TestData.PASSWORD);
        List<String> streams = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().endsWith("/events")) {
                streams.add(request.url());
            }
        });
        page.navigate("/assessments/" + followed.id().value());
        awaitStreams(page, streams, 1);
        String queued = page.locator("[data-phase-label]").textContent().trim();

        progress.stop();
        progress.start();

        awaitStreams(page, streams, 2);
        jdbc.sql("update assessments set status = 'running', phase = 'evaluating', done = 1, started_at = now()"
                + " where id = :id").param("id", followed.id().value()).update();
        assertThat(page.locator("[data-phase-label]")).not().hasText(queued,
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(browser.problems(page)).isEmpty();
        restore(followed);
    }

    /** An assessment of the organization, queued (no job runs it, the reaper leaves it alone), and who follows it. */
    record Followed(TestData.Tenant tenant, String token, AssessmentId id) {
    }

    private Followed unfinished() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        WorkflowId workflow = workflows.create(tenant.admin(), new WorkflowInput("LVD", null,
                List.of(new WorkflowInput.BucketInput("test_reports", "Test reports", true, 0)),
                List.of(new WorkflowInput.CriterionInput("standard", "Test report cites IEC 62368-1", null,
                        List.of("test_reports"), null, 0, List.of(new Check.Contains(List.of("IEC 62368-1"), null))))))
                .id();
        String report = uploaded.upload(token, "report.pdf", SamplePdfs.pdf("Test report to IEC 62368-1:2018"));
        assertThat(uploaded.awaitRead(token, report)).isEqualTo("ready");
        AssessmentId id = assessments.start(tenant.admin(), new StartAssessment(workflow, "Stream",
                List.of(new StartAssessment.BucketDocument("test_reports",
                        new DocumentId(UUID.fromString(report)))))).id();
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!assessments.get(tenant.id(), id).status().finished()) {
            assertThat(Instant.now()).as("assessment finished").isBefore(deadline);
            Thread.sleep(200);
        }
        jdbc.sql("update assessments set status = 'queued', phase = null, done = 0, summary = null,"
                + " started_at = null, finished_at = null where id = :id").param("id", id.value()).update();
        assertThat(assessments.get(tenant.id(), id).status()).isEqualTo(AssessmentStatus.QUEUED);
        return new Followed(tenant, token, id);
    }

    /** Ends the assessment again, as it was, so that nothing follows it. */
    private void restore(Followed followed) {
        jdbc.sql("update assessments set status = 'completed', finished_at = now() where id = :id")
                .param("id", followed.id().value()).update();
    }

    private BufferedReader follow(Followed followed) throws Exception {
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/assessments/" + followed.id().value()
                                + "/events"))
                .header("Authorization", "Bearer " + followed.token()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    /** The next event's fields (event, retry, data), read up to the blank line that ends it. */
    private static Map<String, String> nextEvent(BufferedReader stream) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        String line;
        while ((line = stream.readLine()) != null && !(line.isEmpty() && !fields.isEmpty())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.merge(line.substring(0, colon), line.substring(colon + 1).trim(), (a, b) -> a + "\n" + b);
            }
        }
        return fields;
    }

    /** Waits for the page's requests; Playwright tells of them only while the test calls it. */
    private static void awaitStreams(Page page, List<String> streams, int count) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (streams.size() < count) {
            assertThat(Instant.now()).as("%d progress streams opened by the page", count).isBefore(deadline);
            page.waitForTimeout(100);
        }
    }
}

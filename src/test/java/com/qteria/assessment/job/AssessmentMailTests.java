package com.qteria.assessment.job;

import static com.qteria.support.ApiRequests.awaitAssessment;
import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import com.qteria.assessment.Assessment;
import com.qteria.assessment.AssessmentId;
import com.qteria.assessment.AssessmentView;
import com.qteria.assessment.persistence.Assessments;
import com.qteria.document.UploadedDocuments;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.identity.accounts.Accounts;
import com.qteria.support.MailServer;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import com.qteria.workflow.Check;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowView;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The e-mail to whoever started an assessment, delivered to a real SMTP server in-process (GreenMail): one when it
 * completes (verdict in the subject, counts, duration and the link in both parts), one when it fails (saying so, with
 * the reason), none for a user who turned these e-mails off or was deactivated.
 */
@QteriaTest
class AssessmentMailTests {

    static final int SMTP_PORT = MailServer.freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = MailServer.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        MailServer.configure(registry, SMTP_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    Assessments assessments;
    @Autowired
    AssessmentJob job;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void aCompletedAssessmentMailsWhoeverStartedItOnceWithTheSummaryAndTheLink() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        String id = runToCompletion(tenant, data.tokenFor(handler));

        MimeMessage mail = awaitOneMailTo(handler.email());
        assertThat(mail.getSubject()).isEqualTo("Assessment completed: Client project 4711 — Fail");
        assertThat(MailServer.addresses(mail.getFrom())).containsExactly(MailServer.FROM);
        String link = "http://localhost:" + port + "/assessments/" + id;
        String text = part(mail, "text/plain");
        assertThat(text).contains("Hello " + handler.name() + ",", "the assessment Client project 4711 has completed.",
                "Workflow: LVD, version 1", "Reference: Client project 4711", "Overall verdict: Fail",
                "Criteria: 1 of 4 criteria passed, 1 failed, 1 needs review, 1 not applicable", "Duration: ", " s\n",
                "Open the results:\n" + link + "\n", "http://localhost:" + port + "/profile");
        String html = part(mail, "text/html");
        assertThat(html).contains("href=\"" + link + "\"", "✗ Fail", "1 of 4 criteria passed, 1 failed, 1 needs review, 1 not applicable",
                "LVD, version 1", "Client project 4711");
        System.err.println("MAILDUMP\n" + mail.getSubject() + "\n" + text + "\n" + html + "\nMAILDUMP");

        awaitListenersDone(id);
        assertThat(mailsTo(handler.email())).as("exactly one e-mail").hasSize(1);
    }

    @Test
    void aFailedAssessmentMailsThatItFailedAndWhy() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        AssessmentId id = queued(tenant, handler);

        job.fail(id, "Some documents were still being read after 30 minutes; start the assessment again once they "
                + "are ready.");

        MimeMessage mail = awaitOneMailTo(handler.email());
        assertThat(mail.getSubject()).isEqualTo("Assessment failed: Client project 4712");
        String text = part(mail, "text/plain");
        assertThat(text).contains("the assessment Client project 4712 has failed.", "Workflow: LVD, version 1",
                "What happened: Some documents were still being read after 30 minutes",
                "Open the assessment:\nhttp://localhost:" + port + "/assessments/" + id.value())
                .doesNotContain("Overall verdict", "criteria passed");
        assertThat(part(mail, "text/html")).contains("has failed", "/assessments/" + id.value());
    }

    @Test
    void aUserWhoTurnedTheseMailsOffGetsNone() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        String token = data.tokenFor(handler);
        mvc.perform(json(put("/api/v1/me/preferences"), token, "{\"email_on_completion\": false}"))
                .andExpect(status().isOk());

        String id = runToCompletion(tenant, token);

        awaitListenersDone(id);
        assertThat(mailsTo(handler.email())).isEmpty();
    }

    @Test
    void aDeactivatedUserGetsNone() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        AssessmentId id = queued(tenant, handler);
        accounts.deactivate(tenant.admin(), handler.id());

        job.fail(id, "The worker running this assessment stopped.");

        awaitListenersDone(id.value().toString());
        assertThat(mailsTo(handler.email())).isEmpty();
    }

    /** Starts an assessment of four criteria (one passes, fails, needs review, is not applicable) and waits for its end. */
    private String runToCompletion(TestData.Tenant tenant, String token) throws Exception {
        WorkflowView workflow = lvd(tenant);
        String report = uploaded.upload(token, "report.pdf", SamplePdfs.pdf("Test report according to IEC 62368-1:2018"));
        String answer = mvc.perform(json(post("/api/v1/assessments"), token, "{\"workflow_id\": \"" + workflow.id()
                        + "\", \"reference\": \"Client project 4711\", \"documents\": [{\"bucket\": \"test_reports\", "
                        + "\"document_id\": \"" + report + "\"}]}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(answer, "$.id");
        awaitAssessment(mvc, token, id, "$.status", "completed", Duration.ofSeconds(90));
        return id;
    }

    /** An assessment started by {@code user}, stored as queued without documents; no job runs it. */
    private AssessmentId queued(TestData.Tenant tenant, CurrentUser user) {
        WorkflowView workflow = lvd(tenant);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Assessment assessment = Assessment.queue(new Assessment.Pinned(tenant.id(),
                new AssessmentView.WorkflowRef(workflow.id(), workflow.version(), workflow.name()),
                "Client project 4712", LocalDate.ofInstant(now, ZoneOffset.UTC), user.id(), now, null, null, null),
                workflow.criteria().size());
        assessments.insert(assessment, List.of());
        return assessment.id();
    }

    private WorkflowView lvd(TestData.Tenant tenant) {
        return workflows.create(tenant.admin(), new WorkflowInput("LVD", null,
                List.of(new WorkflowInput.BucketInput("test_reports", "Test reports", true, 0),
                        new WorkflowInput.BucketInput("risk", "Risk assessment", false, 1)),
                List.of(criterion("standard", "Test report cites IEC 62368-1", 0,
                                new Check.Contains(List.of("IEC 62368-1"), null)),
                        criterion("household", "Test report cites EN 60335-1", 1,
                                new Check.Contains(List.of("EN 60335-1"), null)),
                        new WorkflowInput.CriterionInput("summary", "Test report states a summary",
                                "The report ends with a pass/fail summary.", List.of("test_reports"), null, 2, null),
                        new WorkflowInput.CriterionInput("risk", "Risk assessment is signed", null, List.of("risk"),
                                null, 3, List.of(new Check.Signed())))));
    }

    private static WorkflowInput.CriterionInput criterion(String key, String name, int order, Check check) {
        return new WorkflowInput.CriterionInput(key, name, null, List.of("test_reports"), null, order, List.of(check));
    }

    /** The listeners of the assessment's events (the e-mail among them) have run. */
    private void awaitListenersDone(String assessmentId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event "
                + "like :id").param("id", "%" + assessmentId + "%").query(Long.class).single() > 0) {
            assertThat(Instant.now()).as("the assessment's events are handled").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    /** The listener sends after the commit, on another thread: waits for it. */
    private static MimeMessage awaitOneMailTo(String email) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        List<MimeMessage> mails = mailsTo(email);
        while (mails.isEmpty()) {
            assertThat(Instant.now()).as("an e-mail to %s arrives", email).isBefore(deadline);
            Thread.sleep(50);
            mails = mailsTo(email);
        }
        assertThat(mails).hasSize(1);
        return mails.getFirst();
    }

    private static List<MimeMessage> mailsTo(String email) {
        return MailServer.mailsTo(smtp, email);
    }

    /** The body part of that type, decoded. */
    private static String part(MimeMessage mail, String type) throws Exception {
        String found = find(mail.getContent(), type);
        assertThat(found).as("a %s part", type).isNotNull();
        return found.replace("\r\n", "\n");
    }

    private static String find(Object content, String type) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String found = part.isMimeType(type) ? (String) part.getContent() : find(part.getContent(), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}

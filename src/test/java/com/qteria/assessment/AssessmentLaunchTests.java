package com.qteria.assessment;

import static com.qteria.support.ApiRequests.awaitAssessment;
import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.document.UploadedDocuments;
import com.qteria.document.job.DocumentReader;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowManagement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An assessment started while its documents are still being read waits without holding a job worker, and is evaluated
 * as soon as the last document has been read: the event that the document was read launches it.
 */
@QteriaTest
class AssessmentLaunchTests {

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
    @Autowired
    DocumentReader reader;
    @Autowired
    StorageProvider jobStorage;
    @Autowired
    BackgroundJobServer jobServer;

    @Test
    void anAssessmentWaitsForItsDocumentsWithoutAWorkerAndStartsWhenTheyAreRead() throws Exception {
        AssessmentsApiTests.Setup s = AssessmentsApiTests.setup(data, uploaded, workflows);
        UUID report = UUID.fromString(s.report());
        stillBeingRead(s.token(), report);

        String id = JsonPath.read(mvc.perform(json(post("/api/v1/assessments"), s.token(),
                        AssessmentsApiTests.start(s.workflow(), "test_reports", s.report())))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
        String waiting = awaitAssessment(mvc, s.token(), id, "$.progress.phase", "extracting", Duration.ofSeconds(10));
        assertThat(JsonPath.<String>read(waiting, "$.status")).isEqualTo("running");
        Thread.sleep(1500);
        String stillWaiting = assessment(s.token(), id);
        assertThat(JsonPath.<String>read(stillWaiting, "$.progress.phase")).isEqualTo("extracting");
        assertThatThrownBy(() -> jobStorage.getJobById(UUID.fromString(id)))
                .as("no job exists for the assessment while its document is read").isInstanceOf(JobNotFoundException.class);
        assertThat(jobServer.getJobSteward().getOccupiedWorkerCount()).as("no worker is held").isZero();

        reader.read(report);
        Instant read = Instant.now();
        awaitAssessment(mvc, s.token(), id, "$.status", "completed", Duration.ofSeconds(30));
        Duration latency = Duration.between(read, Instant.now());
        assertThat(latency).as("from the document read to the assessment completed").isLessThan(Duration.ofSeconds(2));
        assertThat(JsonPath.<Integer>read(assessment(s.token(), id), "$.summary.passed")).isEqualTo(1);
    }

    @Test
    void aWaitingAssessmentIsCancelledAtOnce() throws Exception {
        AssessmentsApiTests.Setup s = AssessmentsApiTests.setup(data, uploaded, workflows);
        stillBeingRead(s.token(), UUID.fromString(s.report()));
        String id = JsonPath.read(mvc.perform(json(post("/api/v1/assessments"), s.token(),
                        AssessmentsApiTests.start(s.workflow(), "test_reports", s.report())))
                .andReturn().getResponse().getContentAsString(), "$.id");
        awaitAssessment(mvc, s.token(), id, "$.progress.phase", "extracting", Duration.ofSeconds(10));

        mvc.perform(post("/api/v1/assessments/" + id + "/cancel").header("Authorization", "Bearer " + s.token()))
                .andExpect(status().isOk());
        assertThat(JsonPath.<String>read(assessment(s.token(), id), "$.status")).isEqualTo("cancelled");

        reader.read(UUID.fromString(s.report()));
        Thread.sleep(500);
        assertThat(JsonPath.<String>read(assessment(s.token(), id), "$.status")).as("a read document does not revive it")
                .isEqualTo("cancelled");
    }

    /** The document, once read, goes back to being read, as if its reading job had not finished yet. */
    private void stillBeingRead(String token, UUID document) throws Exception {
        assertThat(uploaded.awaitRead(token, document.toString())).isEqualTo("ready");
        assertThat(jdbc.sql("update documents set status = 'processing' where id = :id").param("id", document)
                .update()).isOne();
    }

    private String assessment(String token, String id) throws Exception {
        return mvc.perform(get("/api/v1/assessments/" + id).header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getContentAsString();
    }
}

package com.qteria.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.assessment.AssessmentEvent.AssessmentCompleted;
import com.qteria.document.DocumentId;
import com.qteria.document.DocumentManagement;
import com.qteria.document.Upload;
import com.qteria.evaluation.Verdict;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.shared.TenantId;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestDatabase;
import com.qteria.workflow.Check;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The assessment module with the modules it depends on: started right after its document was uploaded, an
 * assessment is launched by the document's {@code DocumentRead}, evaluated by the pipeline and announced with
 * {@link AssessmentCompleted}.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ContextConfiguration(initializers = TestDatabase.class)
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
class AssessmentModuleTests {

    @Autowired
    AssessmentManagement assessments;
    @Autowired
    DocumentManagement documents;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void anAssessmentStartedRightAfterItsUploadCompletes(Scenario scenario) throws Exception {
        CurrentUser user = user();
        WorkflowId workflow = workflows.create(user, new WorkflowInput("LVD", null,
                List.of(new WorkflowInput.BucketInput("test_reports", "Test reports", true, 0)),
                List.of(new WorkflowInput.CriterionInput("standard", "Test report cites IEC 62368-1", null,
                        List.of("test_reports"), null, 0, List.of(new Check.Contains(List.of("IEC 62368-1"), null))))))
                .id();
        Path report = Files.write(dir.resolve("report.pdf"), SamplePdfs.pdf("Tested to IEC 62368-1:2018"));

        scenario.stimulate(() -> {
                    DocumentId document = documents.upload(user, List.of(new Upload("report.pdf", report))).getFirst().id();
                    return assessments.start(user, new StartAssessment(workflow, "Module test",
                            List.of(new StartAssessment.BucketDocument("test_reports", document)))).id();
                })
                .andWaitAtMost(Duration.ofSeconds(60))
                .andWaitForEventOfType(AssessmentCompleted.class)
                .toArriveAndVerify((completed, id) -> {
                    assertThat(completed.assessmentId()).isEqualTo(id);
                    assertThat(completed.overall()).isEqualTo("pass");
                    AssessmentResults results = assessments.results(user.tenantId(), id, java.util.Locale.ENGLISH);
                    assertThat(results.results()).singleElement().satisfies(result -> {
                        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
                        assertThat(result.evidence()).singleElement()
                                .satisfies(e -> assertThat(e.verified()).isTrue());
                    });
                });
    }

    private CurrentUser user() {
        UUID organization = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        jdbc.sql("insert into organizations (id, name, created_at) values (:id, :name, :now)")
                .param("id", organization).param("name", "Module test " + organization)
                .param("now", OffsetDateTime.now()).update();
        return new CurrentUser(user, TenantId.of(organization), "manager@example.com", "Manager",
                Role.PROCESS_MANAGER);
    }
}

package com.qteria.assessment.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.qteria.assessment.Assessment;
import com.qteria.assessment.AssessmentId;
import com.qteria.assessment.AssessmentManagement;
import com.qteria.assessment.AssessmentReviews;
import com.qteria.assessment.AssessmentPhase;
import com.qteria.assessment.AssessmentStatus;
import com.qteria.assessment.AssessmentView;
import com.qteria.assessment.persistence.Assessments;
import com.qteria.assessment.persistence.Assessments.DocumentRef;
import com.qteria.document.DocumentId;
import com.qteria.document.DocumentManagement;
import com.qteria.document.UploadedDocuments;
import com.qteria.evaluation.AiModels;
import com.qteria.evaluation.AssessedDocument;
import com.qteria.evaluation.EvaluationPipeline;
import com.qteria.identity.Role;
import com.qteria.platform.jobs.WorkerShutdown;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import com.qteria.workflow.Check;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.JobDefaultFilters;
import org.jobrunr.jobs.filters.JobPerformingFilters;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every assessment ends, whatever happens to its job: a failure outside a criterion fails it, a job the job server
 * gave up on fails it, and a cancel ends an unfinished one whether it is queued, waiting for its documents, being
 * evaluated by a live worker, or abandoned by a dead one. Each ending releases the documents: they can be deleted.
 */
@QteriaTest
class EveryAssessmentEndsTests {

    private final TestData data;
    private final UploadedDocuments uploaded;
    private final WorkflowManagement workflows;
    private final Assessments assessments;
    private final AssessmentManagement management;
    private final DocumentManagement documents;
    private final AssessmentJob job;
    private final AssessmentQueue queue;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final JobScheduler scheduler;
    private final StorageProvider jobStorage;
    private final BackgroundJobServer jobServer;
    /** The application's assessment job with other inputs. */
    private final Function<AssessmentInputs, AssessmentJob> jobWith;
    /** The application's assessment job with other inputs, on an instance whose shutdown is as given. */
    private final BiFunction<AssessmentInputs, WorkerShutdown, AssessmentJob> jobOn;
    private final AssessmentInputs inputs;
    private final ApplicationContext context;

    @Autowired
    EveryAssessmentEndsTests(TestData data, UploadedDocuments uploaded, WorkflowManagement workflows,
            Assessments assessments, AssessmentManagement management, DocumentManagement documents, AssessmentJob job,
            AssessmentQueue queue, EvaluationPipeline pipeline, FindingCache cache, AiModels models,
            ApplicationEventPublisher events, Clock clock, JdbcClient jdbc, JobScheduler scheduler,
            StorageProvider jobStorage, BackgroundJobServer jobServer,
            org.springframework.transaction.support.TransactionTemplate transactions, AssessmentReviews reviews,
            WorkerShutdown shutdown, AssessmentInputs inputs, ApplicationContext context, AssessmentMetrics metrics) {
        this.data = data;
        this.uploaded = uploaded;
        this.workflows = workflows;
        this.assessments = assessments;
        this.management = management;
        this.documents = documents;
        this.job = job;
        this.queue = queue;
        this.clock = clock;
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.jobStorage = jobStorage;
        this.jobServer = jobServer;
        this.inputs = inputs;
        this.context = context;
        this.jobOn = (other, stopping) -> new AssessmentJob(assessments, workflows, other, pipeline, cache, documents,
                events, clock, models, transactions, reviews, stopping, metrics);
        this.jobWith = other -> jobOn.apply(other, shutdown);
    }

    /** An assessment of one read document, stored as queued, its document held; no job is queued for it. */
    record Given(TestData.Tenant tenant, AssessmentId id, DocumentId document) {
    }

    static Stream<Supplier<Throwable>> errors() {
        return Stream.of(StackOverflowError::new, () -> new OutOfMemoryError("Java heap space"),
                () -> new IllegalStateException("a bug"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void aFailureOutsideACriterionFailsTheAssessmentWithAPlainMessageAndReleasesItsDocuments(
            Supplier<Throwable> error) throws Exception {
        Given given = given();
        AssessmentJob failingJob = jobWith.apply(throwing(error));

        assertThatCode(() -> failingJob.run(given.id().value())).as("the job ends; nothing is left to retry")
                .doesNotThrowAnyException();

        AssessmentView view = management.get(given.tenant().id(), given.id());
        assertThat(view.status()).isEqualTo(AssessmentStatus.FAILED);
        assertThat(view.error()).isEqualTo(AssessmentJob.INTERNAL_FAILURE);
        assertDeletable(given);
    }

    @ParameterizedTest
    @ValueSource(strings = {"failed", "deleted", "gone"})
    void aJobTheServerGaveUpOnFailsItsAssessmentAndReleasesItsDocuments(String ending) throws Exception {
        Given given = evaluating(given());
        Job stored = scheduledJob(given);
        switch (ending) {
            case "failed" -> jobStorage.save(stored.failed("All retries spent",
                    new IllegalStateException(new StackOverflowError())));
            case "deleted" -> jobStorage.save(stored.delete("Deleted on the dashboard"));
            default -> jobStorage.deletePermanently(stored.getId());
        }

        queue.reap();

        AssessmentView view = management.get(given.tenant().id(), given.id());
        assertThat(view.status()).as("its worker reported a moment ago, but no job will run it")
                .isEqualTo(AssessmentStatus.FAILED);
        assertThat(view.error()).startsWith("The worker running this assessment stopped");
        assertDeletable(given);
    }

    @Test
    void aJobTheServerGivesUpOnEndsItsAssessmentAtOnce() throws Exception {
        Given given = evaluating(given());
        Job stored = scheduledJob(given);
        jobStorage.save(stored.failed("The last retry failed", new IllegalStateException(new StackOverflowError())));

        new JobPerformingFilters(stored, jobServer.getJobFilters()).runOnJobFailedAfterRetriesFilters();

        AssessmentView view = management.get(given.tenant().id(), given.id());
        assertThat(view.status()).as("without waiting for the reaper").isEqualTo(AssessmentStatus.FAILED);
        assertThat(view.error()).isEqualTo(AssessmentJob.INTERNAL_FAILURE);
        assertDeletable(given);
    }

    @Test
    void aQueuedAssessmentIsCancelledAtOnce() throws Exception {
        Given given = given();

        assertThat(management.cancel(given.tenant().admin(), given.id()).status())
                .isEqualTo(AssessmentStatus.CANCELLED);
        assertDeletable(given);
    }

    @Test
    void anAssessmentWaitingForItsDocumentsIsCancelledAtOnce() throws Exception {
        Given given = given();
        Assessment waiting = stored(given);
        waiting.start(1, clock.instant());
        assertThat(assessments.start(waiting)).isTrue();

        assertThat(management.cancel(given.tenant().admin(), given.id()).status())
                .isEqualTo(AssessmentStatus.CANCELLED);
        assertDeletable(given);
    }

    @Test
    void anAssessmentBeingEvaluatedIsCancelledWhenItsWorkerNextReports() throws Exception {
        Given given = evaluating(given());

        AssessmentView asked = management.cancel(given.tenant().admin(), given.id());
        assertThat(asked.status()).as("its worker holds it").isEqualTo(AssessmentStatus.RUNNING);
        job.run(given.id().value());

        assertThat(management.get(given.tenant().id(), given.id()).status()).isEqualTo(AssessmentStatus.CANCELLED);
        assertDeletable(given);
    }

    @Test
    void anAssessmentWhoseWorkerFellSilentIsCancelledAtOnce() throws Exception {
        Given given = evaluating(given());
        silence(given);

        AssessmentView cancelled = management.cancel(given.tenant().admin(), given.id());

        assertThat(cancelled.status()).as("no worker will report again").isEqualTo(AssessmentStatus.CANCELLED);
        assertDeletable(given);
    }

    @Test
    void aCancelledAssessmentWhoseWorkerFellSilentAfterwardsIsCancelledByTheReaper() throws Exception {
        Given given = evaluating(given());
        scheduledJob(given);
        assertThat(management.cancel(given.tenant().admin(), given.id()).status())
                .isEqualTo(AssessmentStatus.RUNNING);
        silence(given);

        queue.reap();

        assertThat(management.get(given.tenant().id(), given.id()).status()).as("the job server still lists its job")
                .isEqualTo(AssessmentStatus.CANCELLED);
        assertDeletable(given);
    }

    @Test
    void aJobStoppedByTheShutdownIsHandedBackWithoutUsingARetryAndAnotherWorkerCompletesIt() throws Exception {
        Given given = evaluating(given(3));
        Job stored = processingJob(given);
        WorkerShutdown afterTheFirstCriterion = shutdown(() -> !assessments.criteriaWithResults(given.id()).isEmpty());

        jobOn.apply(inputs, afterTheFirstCriterion).run(given.id().value());

        assertThat(management.get(given.tenant().id(), given.id()).status()).as("stopped, not failed")
                .isEqualTo(AssessmentStatus.RUNNING);
        assertThat(assessments.criteriaWithResults(given.id())).as("stopped at the next criterion").hasSize(1);
        Job handedBack = endedOnStoppingWorker(stored, afterTheFirstCriterion);
        assertThat(handedBack.getState()).as("queued again").isEqualTo(StateName.SCHEDULED);
        assertThat(handedBack.getJobStates()).as("no retry used").noneMatch(FailedState.class::isInstance);
        assertThat(handedBack.<ScheduledState>getJobState().getReason()).startsWith("Handed back");

        queue.reap();
        assertThat(management.get(given.tenant().id(), given.id()).status()).as("the reaper leaves a live job alone")
                .isEqualTo(AssessmentStatus.RUNNING);

        job.run(given.id().value());

        AssessmentView view = management.get(given.tenant().id(), given.id());
        assertThat(view.status()).as("resumed by another worker").isEqualTo(AssessmentStatus.COMPLETED);
        assertThat(assessments.criteriaWithResults(given.id())).hasSize(3);
        assertDeletable(given);
    }

    @ParameterizedTest
    @MethodSource("errors")
    void aFailureWhileTheInstanceShutsDownHandsTheJobBackInsteadOfFailingIt(Supplier<Throwable> error)
            throws Exception {
        Given given = evaluating(given(2));
        Job stored = processingJob(given);
        WorkerShutdown underway = shutdown(() -> true);

        jobOn.apply(throwing(error), underway).run(given.id().value());

        boolean fatal = error.get() instanceof VirtualMachineError;
        assertThat(management.get(given.tenant().id(), given.id()).status())
                .as(fatal ? "the JVM is in trouble: failed as ever" : "handed back, not failed")
                .isEqualTo(fatal ? AssessmentStatus.FAILED : AssessmentStatus.RUNNING);
        if (!fatal) {
            assertThat(endedOnStoppingWorker(stored, underway).getState()).isEqualTo(StateName.SCHEDULED);
            job.run(given.id().value());
            assertThat(management.get(given.tenant().id(), given.id()).status())
                    .isEqualTo(AssessmentStatus.COMPLETED);
        }
        assertDeletable(given);
    }

    private Given given() throws Exception {
        return given(1);
    }

    /** As {@link #given()}, with this many criteria, each decided by a check. */
    private Given given(int criteria) throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String token = tenant.tokenOf(Role.PROJECT_HANDLER);
        WorkflowView workflow = workflows.create(tenant.admin(), new WorkflowInput("LVD", null,
                List.of(new WorkflowInput.BucketInput("test_reports", "Test reports", true, 0)),
                IntStream.range(0, criteria).mapToObj(i -> new WorkflowInput.CriterionInput(
                        i == 0 ? "standard" : "standard_" + i, "Test report cites IEC 62368-1 (" + i + ")", null,
                        List.of("test_reports"), null, i,
                        List.of(new Check.Contains(List.of("IEC 62368-1"), null)))).toList()));
        String report = uploaded.upload(token, "report.pdf", SamplePdfs.pdf("Test report to IEC 62368-1:2018"));
        assertThat(uploaded.awaitRead(token, report)).isEqualTo("ready");
        awaitListenersOf(report);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Assessment assessment = Assessment.queue(new Assessment.Pinned(tenant.id(),
                new AssessmentView.WorkflowRef(workflow.id(), workflow.version(), workflow.name()), null,
                LocalDate.ofInstant(now, ZoneOffset.UTC), tenant.admin().id(), now, null, null, null), criteria);
        DocumentId document = new DocumentId(UUID.fromString(report));
        assessments.insert(assessment, List.of(new DocumentRef("test_reports", document, "report.pdf", null)));
        documents.hold(tenant.id(), List.of(document), assessment.id().value());
        return new Given(tenant, assessment.id(), document);
    }

    /** Running, evaluating, its worker having reported just now. */
    private Given evaluating(Given given) {
        Assessment running = stored(given);
        running.start(running.total(), clock.instant());
        assertThat(assessments.start(running)).isTrue();
        running.progress(AssessmentPhase.EVALUATING, 0, clock.instant());
        assertThat(assessments.progress(running)).isTrue();
        return given;
    }

    /** The assessment's job, scheduled for tomorrow: the job server lists it but does not run it yet. */
    private Job scheduledJob(Given given) throws Exception {
        UUID id = given.id().value();
        scheduler.<AssessmentJob>schedule(id, Instant.now().plus(Duration.ofDays(1)), j -> j.run(id));
        return jobStorage.getJobById(id);
    }

    /** The assessment's inputs, whose reading throws the error. */
    private AssessmentInputs throwing(Supplier<Throwable> error) {
        return new AssessmentInputs(assessments, documents) {
            @Override
            Optional<List<AssessedDocument>> read(Assessment assessment) {
                Throwable thrown = error.get();
                if (thrown instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) thrown;
            }
        };
    }

    /** The assessment's job as a worker holds it while running it. */
    private Job processingJob(Given given) throws Exception {
        Job job = scheduledJob(given);
        job.enqueue();
        job.startProcessingOn(jobServer);
        jobStorage.save(job);
        return jobStorage.getJobById(job.getId());
    }

    /** What the job server does once the job's method returned: succeeded, through the filters, stored. */
    private Job endedOnStoppingWorker(Job job, WorkerShutdown shutdown) throws Exception {
        job.succeeded();
        new JobPerformingFilters(job, new JobDefaultFilters(shutdown)).runOnStateElectionFilter();
        jobStorage.save(job);
        return jobStorage.getJobById(job.getId());
    }

    /** This instance's shutdown, begun while {@code underway} says so. */
    private WorkerShutdown shutdown(BooleanSupplier underway) {
        return new WorkerShutdown(context, context.getBeanProvider(BackgroundJobServer.class)) {
            @Override
            public boolean underway() {
                return underway.getAsBoolean();
            }
        };
    }

    /** The worker last reported longer ago than the reaper's patience. */
    private void silence(Given given) {
        assertThat(jdbc.sql("update assessments set heartbeat_at = :then where id = :id")
                .param("then", clock.instant().minus(Duration.ofMinutes(11)).atOffset(ZoneOffset.UTC))
                .param("id", given.id().value()).update()).isOne();
    }

    private Assessment stored(Given given) {
        return assessments.findForJob(given.id()).orElseThrow();
    }

    private void assertDeletable(Given given) {
        assertThatCode(() -> documents.delete(given.tenant().admin(), given.document()))
                .as("the assessment has ended and released its documents").doesNotThrowAnyException();
    }

    /**
     * Waits until the listeners of the document's events are done, so that the event that it was read cannot launch
     * the assessment inserted next.
     */
    private void awaitListenersOf(String document) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event "
                + "like :document").param("document", "%" + document + "%").query(Long.class).single() > 0) {
            assertThat(Instant.now()).as("the document's events are handled").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}

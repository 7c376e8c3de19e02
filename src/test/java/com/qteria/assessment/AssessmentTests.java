package com.qteria.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qteria.evaluation.Verdict;
import com.qteria.shared.TenantId;
import com.qteria.workflow.WorkflowId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The assessment's transitions, without Spring: the legal ones change its state, the illegal ones are refused. */
class AssessmentTests {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Summary SUMMARY = new Summary(Verdict.PASS, 3, 0, 0, 0, 3);

    private static Assessment queued() {
        return Assessment.queue(new Assessment.Pinned(TenantId.of(UUID.randomUUID()),
                new AssessmentView.WorkflowRef(new WorkflowId(UUID.randomUUID()), 2, "LVD"), "Client 4711", LocalDate.of(2026, 12, 1),
                UUID.randomUUID(), T0, null, null, null), 3);
    }

    private static Assessment running() {
        Assessment assessment = queued();
        assessment.start(3, T0.plusSeconds(1));
        return assessment;
    }

    @Test
    void runsFromQueuedThroughEvaluatingToCompleted() {
        Assessment assessment = queued();
        assertThat(assessment.status()).isEqualTo(AssessmentStatus.QUEUED);
        assertThat(assessment.view().progress()).isEqualTo(new AssessmentView.Progress(null, 0, 3, 0));

        assessment.start(3, T0.plusSeconds(1));
        assertThat(assessment.status()).isEqualTo(AssessmentStatus.RUNNING);
        assertThat(assessment.phase()).isEqualTo(AssessmentPhase.EXTRACTING);
        assertThat(assessment.startedAt()).isEqualTo(T0.plusSeconds(1));

        assessment.progress(AssessmentPhase.EVALUATING, 2, T0.plusSeconds(2));
        assertThat(assessment.view().progress()).isEqualTo(new AssessmentView.Progress("evaluating", 2, 3, 66));
        assertThat(assessment.heartbeatAt()).isEqualTo(T0.plusSeconds(2));

        assessment.complete(SUMMARY, T0.plusSeconds(3));
        assertThat(assessment.status()).isEqualTo(AssessmentStatus.COMPLETED);
        assertThat(assessment.done()).isEqualTo(3);
        assertThat(assessment.summary()).isEqualTo(SUMMARY);
        assertThat(assessment.finishedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(assessment.view().progress().percent()).isEqualTo(100);
    }

    @Test
    void aResumedRunKeepsItsFirstStart() {
        Assessment assessment = running();
        assessment.start(3, T0.plusSeconds(60));
        assertThat(assessment.startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(assessment.heartbeatAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aQueuedOrWaitingAssessmentIsCancelledAtOnceARunningOneWhenItsWorkerStops() {
        Assessment queued = queued();
        queued.requestCancel(T0.plusSeconds(5), T0);
        assertThat(queued.status()).isEqualTo(AssessmentStatus.CANCELLED);
        assertThat(queued.finishedAt()).isEqualTo(T0.plusSeconds(5));

        Assessment waiting = running();
        waiting.requestCancel(T0.plusSeconds(5), T0);
        assertThat(waiting.status()).as("still waiting for its documents: no worker holds it")
                .isEqualTo(AssessmentStatus.CANCELLED);

        Assessment evaluating = running();
        evaluating.progress(AssessmentPhase.EVALUATING, 1, T0.plusSeconds(2));
        evaluating.requestCancel(T0.plusSeconds(5), T0);
        assertThat(evaluating.status()).isEqualTo(AssessmentStatus.RUNNING);
        assertThat(evaluating.cancelRequested()).isTrue();
        evaluating.cancelled(T0.plusSeconds(6));
        assertThat(evaluating.status()).isEqualTo(AssessmentStatus.CANCELLED);
        assertThat(evaluating.finishedAt()).isEqualTo(T0.plusSeconds(6));
    }

    @Test
    void aRunningAssessmentWhoseWorkerFellSilentIsCancelledAtOnce() {
        Assessment abandoned = running();
        abandoned.progress(AssessmentPhase.EVALUATING, 1, T0.plusSeconds(2));

        abandoned.requestCancel(T0.plusSeconds(900), T0.plusSeconds(300));

        assertThat(abandoned.status()).as("no worker will report again to honour the cancel")
                .isEqualTo(AssessmentStatus.CANCELLED);
        assertThat(abandoned.finishedAt()).isEqualTo(T0.plusSeconds(900));
    }

    @Test
    void fails() {
        Assessment assessment = running();
        assessment.fail("The AI provider rejected the API key.", T0.plusSeconds(9));
        assertThat(assessment.status()).isEqualTo(AssessmentStatus.FAILED);
        assertThat(assessment.error()).isEqualTo("The AI provider rejected the API key.");
        assertThat(assessment.view().error()).isEqualTo("The AI provider rejected the API key.");

        Assessment queued = queued();
        queued.fail("Some documents were still being read.", T0);
        assertThat(queued.status()).isEqualTo(AssessmentStatus.FAILED);
    }

    @Test
    void refusesIllegalTransitions() {
        Assessment cancelled = queued();
        cancelled.requestCancel(T0, T0);
        assertThatThrownBy(() -> cancelled.complete(SUMMARY, T0)).isInstanceOf(Assessment.IllegalTransition.class)
                .hasMessage("An assessment that is cancelled cannot complete.");
        assertThatThrownBy(() -> cancelled.start(3, T0)).isInstanceOf(Assessment.IllegalTransition.class);
        assertThatThrownBy(() -> cancelled.fail("late", T0)).isInstanceOf(Assessment.IllegalTransition.class);
        assertThatThrownBy(() -> cancelled.requestCancel(T0, T0)).isInstanceOf(Assessment.IllegalTransition.class);

        assertThatThrownBy(() -> queued().complete(SUMMARY, T0)).as("never started")
                .isInstanceOf(Assessment.IllegalTransition.class);
        assertThatThrownBy(() -> queued().progress(AssessmentPhase.EVALUATING, 1, T0))
                .isInstanceOf(Assessment.IllegalTransition.class);
        assertThatThrownBy(() -> running().cancelled(T0)).as("no cancel was asked for")
                .isInstanceOf(Assessment.IllegalTransition.class);

        Assessment evaluating = running();
        evaluating.progress(AssessmentPhase.EVALUATING, 1, T0);
        evaluating.requestCancel(T0, T0);
        assertThatThrownBy(() -> evaluating.start(3, T0)).as("a cancel was asked for")
                .isInstanceOf(Assessment.IllegalTransition.class);

        Assessment completed = running();
        completed.complete(SUMMARY, T0);
        assertThatThrownBy(() -> completed.fail("late", T0)).isInstanceOf(Assessment.IllegalTransition.class);
        assertThatThrownBy(() -> completed.requestCancel(T0, T0)).isInstanceOf(Assessment.IllegalTransition.class)
                .hasMessage("An assessment that is completed cannot be cancelled.");
        assertThatThrownBy(() -> completed.complete(SUMMARY, T0)).isInstanceOf(Assessment.IllegalTransition.class);
    }
}

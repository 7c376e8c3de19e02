package com.qteria.assessment.web;

import com.qteria.assessment.AssessmentManagement;
import com.qteria.assessment.AssessmentView;
import com.qteria.shared.TenantId;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Follows an assessment for a client: reads its state from the database every half second (so any web instance can
 * serve any client, whichever worker runs the job), sends a {@code progress} event whenever status, phase or count
 * changed, and a {@code done} event with the final state, then closes. Each follower is a virtual thread.
 */
@Component
class ProgressEvents {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration LIMIT = Duration.ofHours(1);

    private final AssessmentManagement assessments;

    ProgressEvents(AssessmentManagement assessments) {
        this.assessments = assessments;
    }

    SseEmitter follow(TenantId tenant, UUID id) {
        SseEmitter emitter = new SseEmitter(LIMIT.toMillis());
        Thread.ofVirtual().name("assessment-events-" + id).start(() -> stream(emitter, tenant, id));
        return emitter;
    }

    private void stream(SseEmitter emitter, TenantId tenant, UUID id) {
        String last = null;
        long deadline = System.nanoTime() + LIMIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                AssessmentView view = assessments.get(tenant, id);
                String state = view.status() + "/" + view.progress().phase() + "/" + view.progress().done();
                if (!Objects.equals(state, last)) {
                    emitter.send(SseEmitter.event().name("progress").data(view, MediaType.APPLICATION_JSON));
                    last = state;
                }
                if (view.status().finished()) {
                    emitter.send(SseEmitter.event().name("done").data(view, MediaType.APPLICATION_JSON));
                    emitter.complete();
                    return;
                }
                Thread.sleep(POLL);
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e); // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (RuntimeException e) {
            emitter.completeWithError(e);
        }
    }
}

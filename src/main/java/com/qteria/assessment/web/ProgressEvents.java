package com.qteria.assessment.web;

import com.qteria.assessment.AssessmentEvent;
import com.qteria.assessment.AssessmentId;
import com.qteria.assessment.AssessmentManagement;
import com.qteria.assessment.AssessmentProgressed;
import com.qteria.assessment.AssessmentView;
import com.qteria.shared.TenantId;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Follows assessments for clients over Server-Sent Events: a {@code progress} event whenever status, phase or count
 * changed, then {@code done} with the final state, and the stream closes. Nothing waits per client: a job on this
 * instance announces each change ({@link AssessmentProgressed}) and its followers are told at once; for jobs running
 * on other instances, the state of every followed assessment is read in one query per organization each second
 * (only while someone follows one), so any web instance can serve any client.
 * <p>
 * A stream must not hold up a shutdown (the web server's graceful drain waits for every open request): when the
 * instance stops, before the drain begins, every open stream gets a {@code reconnect} event with a {@code retry}
 * time and is closed, and a stream asked for meanwhile gets the same at once. The browser's EventSource reconnects by
 * itself after that time, through the load balancer to an instance still serving, and is sent the current state.
 */
@Component
class ProgressEvents implements SmartLifecycle {

    private static final Duration LIMIT = Duration.ofHours(1);
    /** How long a client waits before it reconnects to a stream this stopping instance closed. */
    static final Duration RECONNECT_AFTER = Duration.ofSeconds(2);

    private final AssessmentManagement assessments;
    private final Set<Follower> followers = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    ProgressEvents(AssessmentManagement assessments) {
        this.assessments = assessments;
    }

    /** One client following one assessment; {@code last} is the state it was last sent. */
    private static final class Follower {
        final TenantId tenant;
        final AssessmentId id;
        final SseEmitter emitter = new SseEmitter(LIMIT.toMillis());
        private String last;

        Follower(TenantId tenant, AssessmentId id) {
            this.tenant = tenant;
            this.id = id;
        }
    }

    SseEmitter follow(TenantId tenant, AssessmentId id) {
        Follower follower = new Follower(tenant, id);
        AssessmentView current = assessments.get(tenant, id);
        follower.emitter.onCompletion(() -> followers.remove(follower));
        follower.emitter.onTimeout(() -> followers.remove(follower));
        follower.emitter.onError(e -> followers.remove(follower));
        followers.add(follower);
        if (running) {
            send(follower, current);
        } else {
            reconnectElsewhere(follower);
        }
        return follower.emitter;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Closes every open stream, telling its client to reconnect: the instance stops. */
    @Override
    public void stop() {
        running = false;
        followers.forEach(this::reconnectElsewhere);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's graceful drain (a higher phase stops earlier). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private void reconnectElsewhere(Follower follower) {
        synchronized (follower) {
            followers.remove(follower);
            try {
                follower.emitter.send(SseEmitter.event().name("reconnect").reconnectTime(RECONNECT_AFTER.toMillis())
                        .data("This server is stopping; reconnect."));
                follower.emitter.complete();
            } catch (IOException | IllegalStateException e) {
                follower.emitter.completeWithError(e); // the client went away
            }
        }
    }

    @EventListener
    void on(AssessmentProgressed progressed) {
        changed(progressed.tenantId(), progressed.assessmentId());
    }

    /** Started, cancelled, completed or failed. */
    @EventListener
    void on(AssessmentEvent event) {
        changed(event.tenantId(), event.assessmentId());
    }

    private void changed(TenantId tenant, AssessmentId id) {
        List<Follower> following = followers.stream().filter(f -> f.id.equals(id)).toList();
        if (!following.isEmpty()) {
            Thread.ofVirtual().name("assessment-events-" + id).start(() -> refresh(tenant, following));
        }
    }

    /** Reads the state of every followed assessment, one query per organization, and tells their followers. */
    @Scheduled(fixedDelayString = "${qteria.assessment.events-refresh:PT1S}")
    void refresh() {
        followers.stream().collect(Collectors.groupingBy(f -> f.tenant)).forEach(this::refresh);
    }

    private void refresh(TenantId tenant, List<Follower> following) {
        Map<AssessmentId, AssessmentView> views = assessments.get(tenant, following.stream().map(f -> f.id).distinct()
                .toList()).stream().collect(Collectors.toMap(AssessmentView::id, v -> v));
        for (Follower follower : following) {
            AssessmentView view = views.get(follower.id);
            if (view == null) {
                follower.emitter.complete(); // deleted meanwhile
            } else {
                send(follower, view);
            }
        }
    }

    /** Sends the state when it changed, and ends the stream once the assessment has ended. */
    private void send(Follower follower, AssessmentView view) {
        synchronized (follower) {
            if (!followers.contains(follower)) {
                return;
            }
            String state = view.status() + "/" + view.progress().phase() + "/" + view.progress().done() + "/"
                    + view.progress().waitingSince();
            try {
                if (!Objects.equals(state, follower.last)) {
                    follower.emitter.send(SseEmitter.event().name("progress").data(view, MediaType.APPLICATION_JSON));
                    follower.last = state;
                }
                if (view.status().finished()) {
                    follower.emitter.send(SseEmitter.event().name("done").data(view, MediaType.APPLICATION_JSON));
                    followers.remove(follower);
                    follower.emitter.complete();
                }
            } catch (IOException | IllegalStateException e) {
                followers.remove(follower); // the client went away
                follower.emitter.completeWithError(e);
            }
        }
    }
}

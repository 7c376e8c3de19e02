package com.qteria.platform.jobs;

import java.time.Duration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands events whose listener failed (say, the database was briefly unreachable while a job was being queued) to the
 * listener again. Events are stored with the transaction that published them (Spring Modulith's event publication
 * registry), so a crash between a commit and what its listeners do loses nothing: outstanding publications are
 * handed out again when an instance starts, and those still incomplete after a while by this sweep. Listeners are
 * idempotent (jobs are queued under their resource's id).
 */
@Component
class EventResubmission {

    private static final Duration OLDER_THAN = Duration.ofMinutes(1);

    private final IncompleteEventPublications incomplete;

    EventResubmission(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    @Scheduled(fixedDelayString = "${qteria.events.resubmit-interval:PT1M}", initialDelayString = "PT1M")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(OLDER_THAN);
    }
}

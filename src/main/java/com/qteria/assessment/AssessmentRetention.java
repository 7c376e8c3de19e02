package com.qteria.assessment;

import com.qteria.assessment.AssessmentEvent.AssessmentExpired;
import com.qteria.assessment.persistence.Assessments;
import com.qteria.document.DocumentEvent.DocumentExpired;
import com.qteria.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a retention policy does to assessments; the policy itself is not known here, the caller gives the instant
 * before which assessments go.
 * <p>
 * Decision: an assessment's days count from when it finished (completed, failed or cancelled); a queued or running
 * assessment is never deleted. Deleting one takes its results, reviews, feedback and share links with it; the audit
 * log keeps their history. When a document an assessment read is deleted under the policy, the assessment notes it
 * (in the document's own transaction), so its results, report and shared report say "deleted under the retention
 * policy" where the document's link was.
 */
@Service
public class AssessmentRetention {

    private final Assessments assessments;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssessmentRetention(Assessments assessments, TransactionTemplate transactions, ApplicationEventPublisher events,
            Clock clock) {
        this.assessments = assessments;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** How many of the organization's assessments finished before {@code cutoff}. */
    public long due(TenantId tenant, Instant cutoff) {
        return assessments.countFinishedBefore(tenant, cutoff);
    }

    /**
     * Deletes at most {@code limit} assessments that finished before {@code cutoff}, oldest first, each in its own
     * short transaction with its audit entry, and returns their ids; fewer than {@code limit} means none is left.
     */
    public List<AssessmentId> expire(TenantId tenant, Instant cutoff, int retentionDays, int limit) {
        List<AssessmentId> deleted = new ArrayList<>();
        for (AssessmentId id : assessments.finishedBefore(tenant, cutoff, limit)) {
            if (Boolean.TRUE.equals(transactions.execute(tx -> {
                if (!assessments.deleteFinishedBefore(tenant, id, cutoff)) {
                    return false;
                }
                events.publishEvent(new AssessmentExpired(tenant, "system", id, retentionDays));
                return true;
            }))) {
                deleted.add(id);
            }
        }
        return deleted;
    }

    /** Deletes share links (of every organization) that expired or were revoked before {@code endedBefore}. */
    public int purgeShares(Instant endedBefore) {
        return assessments.deleteSharesEndedBefore(endedBefore);
    }

    @EventListener
    void on(DocumentExpired expired) {
        assessments.markRetentionDeleted(expired.documentId(), clock.instant());
    }
}

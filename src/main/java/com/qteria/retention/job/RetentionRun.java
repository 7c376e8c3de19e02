package com.qteria.retention.job;

import com.qteria.assessment.AssessmentId;
import com.qteria.assessment.AssessmentRetention;
import com.qteria.document.DocumentRetention;
import com.qteria.identity.IdentityManagement;
import com.qteria.platform.jobs.WorkerShutdown;
import com.qteria.retention.RetentionEvent.EndedCredentialsPurged;
import com.qteria.retention.RetentionEvent.RetentionApplied;
import com.qteria.retention.RetentionPolicy;
import com.qteria.retention.RetentionProperties;
import com.qteria.retention.RetentionSettings;
import com.qteria.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.annotations.Recurring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily retention run: purges what has ended everywhere (share links, bearer tokens, invitations, kept
 * {@code qteria.retention.purge-after} past their end), then applies every organization's policy.
 * <p>
 * Decision: a JobRunr recurring job, so that over any number of worker instances exactly one runs it each day, and a
 * run missed while no worker was up happens when one is. It is idempotent: it deletes what is due when it runs, in
 * batches of {@code qteria.retention.batch-size}, each document and assessment in its own short transaction and every
 * stored object after its commit, so a run stopped midway (a crash, a shutdown) leaves nothing half done and the next
 * run finishes the rest. Expired sessions are not its business: Spring Session deletes them every minute
 * ({@code spring.session.jdbc.cleanup-cron}); login and share rate limits live in memory and expire by themselves.
 */
@Component
public class RetentionRun {

    private static final Logger log = LoggerFactory.getLogger(RetentionRun.class);

    private final IdentityManagement identity;
    private final RetentionSettings settings;
    private final DocumentRetention documents;
    private final AssessmentRetention assessments;
    private final RetentionProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final WorkerShutdown shutdown;
    private final Clock clock;

    RetentionRun(IdentityManagement identity, RetentionSettings settings, DocumentRetention documents,
            AssessmentRetention assessments, RetentionProperties properties, ApplicationEventPublisher events,
            TransactionTemplate transactions, WorkerShutdown shutdown, Clock clock) {
        this.identity = identity;
        this.settings = settings;
        this.documents = documents;
        this.assessments = assessments;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.shutdown = shutdown;
        this.clock = clock;
    }

    @Recurring(id = "retention", cron = "${qteria.retention.cron:0 3 * * *}", zoneId = "UTC")
    @Job(name = "Data retention: apply every organization's policy, purge ended links, tokens and invitations",
            retries = 2)
    public void run() {
        Instant now = clock.instant();
        purgeEnded(now);
        for (TenantId tenant : identity.organizations()) {
            if (shutdown.underway()) {
                log.info("Retention run stopped by the shutdown; the next run finishes it");
                return;
            }
            apply(tenant, now);
        }
    }

    /** What one organization's policy deleted. */
    public record Applied(long documents, long documentBytes, long assessments) {
    }

    /** Applies the organization's policy as of {@code now}; the dry run counts with the same cutoff. */
    public Applied apply(TenantId tenant, Instant now) {
        RetentionPolicy policy = settings.policy(tenant);
        Instant cutoff = policy.cutoff(now).orElse(null);
        if (cutoff == null) {
            return new Applied(0, 0, 0);
        }
        int days = policy.documentDays();
        long count = 0;
        long bytes = 0;
        List<DocumentRetention.Expired> batch;
        do {
            batch = documents.expire(tenant, cutoff, days, properties.batchSize());
            count += batch.size();
            bytes += batch.stream().mapToLong(DocumentRetention.Expired::sizeBytes).sum();
        } while (batch.size() == properties.batchSize() && !shutdown.underway());
        long assessmentCount = 0;
        if (policy.deletesAssessments()) {
            List<AssessmentId> deleted;
            do {
                deleted = assessments.expire(tenant, cutoff, days, properties.batchSize());
                assessmentCount += deleted.size();
            } while (deleted.size() == properties.batchSize() && !shutdown.underway());
        }
        Applied applied = new Applied(count, bytes, assessmentCount);
        if (count + assessmentCount > 0) {
            transactions.executeWithoutResult(tx -> events.publishEvent(new RetentionApplied(tenant, policy, cutoff,
                    applied.documents(), applied.documentBytes(), applied.assessments())));
            log.info("Retention policy of organization {} applied: {} documents ({} bytes) and {} assessments deleted",
                    tenant, count, bytes, assessmentCount);
        }
        return applied;
    }

    private void purgeEnded(Instant now) {
        Instant endedBefore = now.minus(properties.purgeAfter());
        int shares = assessments.purgeShares(endedBefore);
        IdentityManagement.PurgedCredentials credentials = identity.purgeEndedBefore(endedBefore);
        if (shares + credentials.accessTokens() + credentials.invitations() > 0) {
            transactions.executeWithoutResult(tx -> events.publishEvent(new EndedCredentialsPurged(endedBefore,
                    shares, credentials.accessTokens(), credentials.invitations())));
        }
    }
}

package com.qteria.retention;

import com.qteria.assessment.AssessmentRetention;
import com.qteria.document.DocumentRetention;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.retention.RetentionEvent.RetentionPolicyChanged;
import com.qteria.retention.persistence.RetentionPolicies;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.FieldError;
import com.qteria.shared.ProblemCode;
import com.qteria.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jobrunr.scheduling.cron.CronExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's retention policy as its admins see and change it, and the dry run: what the daily run would
 * delete if it ran now. The run itself ({@code job.RetentionRun}) applies the same {@link RetentionPolicy#cutoff}
 * with the same counting rules, so the dry run's figures are what it deletes.
 */
@Service
public class RetentionSettings {

    private final RetentionPolicies policies;
    private final DocumentRetention documents;
    private final AssessmentRetention assessments;
    private final RetentionProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RetentionSettings(RetentionPolicies policies, DocumentRetention documents, AssessmentRetention assessments,
            RetentionProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.policies = policies;
        this.documents = documents;
        this.assessments = assessments;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The policy as an admin sees it.
     *
     * @param documentDays days documents are kept after their last use; null: for ever
     * @param isDefault    true while no admin has set a policy (the defaults apply)
     * @param updatedAt    when an admin last changed it; null while the defaults apply
     * @param nextRunAt    when the daily run applies it next
     */
    public record RetentionView(Integer documentDays, RetainedAssessments assessments, boolean isDefault,
            int minDays, int maxDays, Instant updatedAt, String updatedBy, Instant nextRunAt) {
    }

    /** An admin's change; {@code documentDays} null (or absent) keeps documents for ever. */
    public record UpdateRetention(Integer documentDays, String assessments) {
    }

    /**
     * What the daily run would delete if it ran now.
     *
     * @param keptFrom what was last used (or uploaded, or finished) before this goes; null when kept for ever
     */
    public record RetentionPreview(long documents, long documentBytes, long assessments, Instant keptFrom,
            Instant nextRunAt) {
    }

    public RetentionPolicy policy(TenantId tenant) {
        return policies.find(tenant).map(RetentionPolicies.Stored::policy).orElseGet(RetentionPolicy::defaults);
    }

    public RetentionView get(TenantId tenant) {
        return policies.find(tenant)
                .map(stored -> view(stored.policy(), false, stored.updatedAt(), stored.updatedBy()))
                .orElseGet(() -> view(RetentionPolicy.defaults(), true, null, null));
    }

    @Transactional
    public RetentionView update(CurrentUser admin, UpdateRetention update) {
        if (admin.role() != Role.ADMIN) {
            throw new ApiProblem(ProblemCode.INSUFFICIENT_PERMISSIONS,
                    "Only admins change the organization's retention policy.");
        }
        List<FieldError> errors = new ArrayList<>();
        Integer days = update.documentDays();
        if (days != null && (days < RetentionPolicy.MIN_DAYS || days > RetentionPolicy.MAX_DAYS)) {
            errors.add(new FieldError("document_days", "A number of days from " + RetentionPolicy.MIN_DAYS + " to "
                    + RetentionPolicy.MAX_DAYS + ", or empty to keep documents for ever."));
        }
        String rule = update.assessments() == null ? RetainedAssessments.KEEP_RESULTS.value()
                : update.assessments().strip();
        RetainedAssessments assessmentsRule = RetainedAssessments.of(rule).orElse(null);
        if (assessmentsRule == null) {
            errors.add(new FieldError("assessments", "Either keep_results (assessments stay without their documents) "
                    + "or delete (assessments go after the same number of days)."));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        RetentionPolicy previous = policy(admin.tenantId());
        RetentionPolicy policy = new RetentionPolicy(days, assessmentsRule);
        policies.save(admin.tenantId(), policy, admin.email(), clock.instant());
        events.publishEvent(new RetentionPolicyChanged(admin.tenantId(), admin.email(), policy, previous));
        return get(admin.tenantId());
    }

    /** The dry run: what the daily run would delete now under the organization's current policy. */
    public RetentionPreview preview(TenantId tenant) {
        RetentionPolicy policy = policy(tenant);
        Instant now = clock.instant();
        Instant cutoff = policy.cutoff(now).orElse(null);
        if (cutoff == null) {
            return new RetentionPreview(0, 0, 0, null, nextRun(now));
        }
        DocumentRetention.Due due = documents.due(tenant, cutoff);
        long assessmentCount = policy.deletesAssessments() ? assessments.due(tenant, cutoff) : 0;
        return new RetentionPreview(due.documents(), due.bytes(), assessmentCount, cutoff, nextRun(now));
    }

    /** When the daily run starts next after {@code now} (its schedule is in UTC). */
    public Instant nextRun(Instant now) {
        return new CronExpression(properties.cron()).next(now, now, ZoneOffset.UTC);
    }

    private RetentionView view(RetentionPolicy policy, boolean isDefault, Instant updatedAt, String updatedBy) {
        return new RetentionView(policy.documentDays(), policy.assessments(), isDefault, RetentionPolicy.MIN_DAYS,
                RetentionPolicy.MAX_DAYS, updatedAt, updatedBy, nextRun(clock.instant()));
    }
}

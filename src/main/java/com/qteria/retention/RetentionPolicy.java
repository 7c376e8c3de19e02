package com.qteria.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An organization's retention policy.
 * <p>
 * Decision: documents are kept {@value #DEFAULT_DAYS} days by default, and an admin may choose from {@value #MIN_DAYS}
 * to {@value #MAX_DAYS} days (ten years) or keep them for ever ({@code documentDays} null): certification bodies must
 * often keep the records of a certification for as long as the certificate lives and some years beyond, and
 * accreditation rules differ, so an installation that cannot delete anything it may still need must be able to say
 * so. Assessments stay with their results by default.
 *
 * @param documentDays how many days after its last use (or upload) a document is deleted; null: never
 * @param assessments  whether assessments stay as results or go after the same number of days
 */
public record RetentionPolicy(Integer documentDays, RetainedAssessments assessments) {

    public static final int DEFAULT_DAYS = 730;
    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 3650;

    public static RetentionPolicy defaults() {
        return new RetentionPolicy(DEFAULT_DAYS, RetainedAssessments.KEEP_RESULTS);
    }

    /** Before which instant documents (and, with {@code delete}, assessments) go; empty when kept for ever. */
    public Optional<Instant> cutoff(Instant now) {
        return documentDays == null ? Optional.empty() : Optional.of(now.minus(Duration.ofDays(documentDays)));
    }

    public boolean deletesAssessments() {
        return documentDays != null && assessments == RetainedAssessments.DELETE;
    }
}

package com.qteria.assessment;

import com.qteria.shared.TenantId;

/**
 * An assessment's state changed on this instance (progress, or the end): published by its job for whoever follows
 * the assessment here. Not audited; followers on other instances learn of it by reading the state.
 */
public record AssessmentProgressed(TenantId tenantId, AssessmentId assessmentId) {
}

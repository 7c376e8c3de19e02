/**
 * Workflows: versioned sets of document buckets and criteria with deterministic checks, built by process managers.
 * Every change makes a new immutable version; assessments keep the version they ran on.
 */
@ApplicationModule(displayName = "Workflow")
package com.qteria.workflow;

import org.springframework.modulith.ApplicationModule;

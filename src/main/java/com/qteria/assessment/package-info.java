/**
 * Assessments: a workflow's criteria evaluated against a project's documents, with a verdict and evidence per
 * criterion and an overall summary. {@link com.qteria.assessment.AssessmentResults} is the one definition of the
 * results JSON of API.md (REST API, the job, the {@code assess} command); {@link com.qteria.assessment.AssessmentRun}
 * is the pure computation that the job and the command share.
 */
@ApplicationModule(displayName = "Assessment", allowedDependencies = {"workflow", "document", "evaluation", "identity", "flags", "shared", "platform"})
package com.qteria.assessment;

import org.springframework.modulith.ApplicationModule;

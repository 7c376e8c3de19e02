package com.qteria.assessment.job;

import com.qteria.assessment.AssessmentId;
import java.util.List;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.JobServerFilter;
import org.jobrunr.server.BackgroundJobServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Ends an assessment the moment the job server gives up on its job (its last retry failed), {@code cancelled} when a
 * cancel was asked for, else {@code failed}; its documents are released. The reaper would end it too, at its next run:
 * this only makes it immediate on the instance that ran the job. Registered on this instance's job server, if it runs
 * one (the {@code web} role does not).
 */
@Component
class GivenUpJobs implements JobServerFilter, SmartInitializingSingleton {

    private final ObjectProvider<BackgroundJobServer> server;
    private final AssessmentJob assessments;

    GivenUpJobs(ObjectProvider<BackgroundJobServer> server, AssessmentJob assessments) {
        this.server = server;
        this.assessments = assessments;
    }

    @Override
    public void afterSingletonsInstantiated() {
        server.ifAvailable(jobServer -> jobServer.setJobFilters(List.of(this)));
    }

    @Override
    public void onFailedAfterRetries(Job job) {
        if (AssessmentJob.class.getName().equals(job.getJobDetails().getClassName())) {
            assessments.abandon(new AssessmentId(job.getId()), AssessmentJob.INTERNAL_FAILURE);
        }
    }
}

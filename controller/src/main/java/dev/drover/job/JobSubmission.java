package dev.drover.job;

import dev.drover.revision.RevisionStore;
import dev.drover.service.Service;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Takes jobs in: ids at once, a tier by weight when one can take them, never waiting for anything to run. */
public final class JobSubmission {
    public static final int MAX_BULK = 1000;

    private final JobStore jobs;
    private final Routes routes;
    private final RevisionStore revisions;
    private final WorkSignal signal;
    private final Clock clock;

    public JobSubmission(JobStore jobs, Routes routes, RevisionStore revisions, WorkSignal signal, Clock clock) {
        this.jobs = jobs;
        this.routes = routes;
        this.revisions = revisions;
        this.signal = signal;
        this.clock = clock;
    }

    public List<Job> submit(Service service, List<NewJob> submitted) {
        if (submitted.isEmpty() || submitted.size() > MAX_BULK) {
            throw new IllegalArgumentException("submit between 1 and " + MAX_BULK + " jobs at once, not " + submitted.size());
        }
        Instant now = clock.instant();
        List<Job> created = new ArrayList<>();
        for (NewJob job : submitted) {
            if (job.pinnedRevision() != null && revisions.find(service.id(), job.pinnedRevision()).isEmpty()) {
                throw new IllegalArgumentException("service " + service.name() + " has no revision " + job.pinnedRevision());
            }
            Routes.Route route = routes.route(service.id(), job.requiresGpu());
            created.add(new Job(Job.newId(), service.id(), job.params(), job.requiresGpu(), job.pinnedRevision(),
                    route.tier().orElse(null), null, null, JobStatus.QUEUED, route.reason(), 0, 0, 0, false, now, null, 1, null));
        }
        jobs.insert(created);
        signal.signal();
        return created;
    }

    /** Cancels a queued job at once; a running one is stopped by its agent at its next heartbeat. */
    public Job cancel(Job job) {
        if (job.status().finished()) {
            throw new IllegalArgumentException("job " + job.id() + " is already " + job.status().wireName());
        }
        jobs.requestCancel(job.id());
        if (job.status() == JobStatus.QUEUED) {
            jobs.finish(job.id(), JobStatus.CANCELLED, "cancelled before it ran", clock.instant());
        }
        return jobs.find(job.id()).orElseThrow();
    }
}

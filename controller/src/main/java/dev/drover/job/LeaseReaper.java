package dev.drover.job;

import java.time.Clock;
import java.time.Duration;

/**
 * Gives up on the attempts of agents that went silent: only after their lease plus a margin, by
 * which time a cut-off agent has stopped its own containers, so two copies of an attempt do not run.
 */
public final class LeaseReaper {
    private final JobStore jobs;
    private final ResultIngest ingest;
    private final Duration margin;
    private final Clock clock;

    public LeaseReaper(JobStore jobs, ResultIngest ingest, Duration margin, Clock clock) {
        this.jobs = jobs;
        this.ingest = ingest;
        this.margin = margin;
        this.clock = clock;
    }

    /** One pass; returns how many attempts it gave up on. */
    public int reap() {
        var lapsed = jobs.runningOnLapsedAgents(clock.instant().minus(margin));
        lapsed.forEach(a -> ingest.lost(a, "the agent's lease ended more than " + margin.toSeconds()
                + "s ago with the attempt running"));
        return lapsed.size();
    }
}

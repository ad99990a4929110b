package dev.drover.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Gives up on the attempts of agents that went silent: only after their lease plus a margin, by
 * which time a cut-off agent has stopped its own containers, so two copies of an attempt do not run;
 * and never while agents are still checking in after this controller started watching them
 * ({@link CheckIn}), so a controller that was down longer than a lease does not call finished work lost.
 */
public final class LeaseReaper {
    private final JobStore jobs;
    private final ResultIngest ingest;
    private final Duration margin;
    private final CheckIn checkIn;
    private final Clock clock;

    /** A reaper that believes every lapsed lease at once. */
    public LeaseReaper(JobStore jobs, ResultIngest ingest, Duration margin, Clock clock) {
        this(jobs, ingest, margin, CheckIn.none(clock), clock);
    }

    public LeaseReaper(JobStore jobs, ResultIngest ingest, Duration margin, CheckIn checkIn, Clock clock) {
        this.jobs = jobs;
        this.ingest = ingest;
        this.margin = margin;
        this.checkIn = checkIn;
        this.clock = clock;
    }

    /** One pass; returns how many attempts it gave up on (none while agents are still checking in). */
    public int reap() {
        Instant now = clock.instant();
        if (checkIn.open(now)) {
            return 0;
        }
        var lapsed = jobs.runningOnLapsedAgents(now.minus(margin));
        lapsed.forEach(a -> ingest.lost(a, "the agent's lease ended more than " + margin.toSeconds()
                + "s ago with the attempt running"));
        return lapsed.size();
    }
}

package dev.drover.bench;

import java.util.Arrays;
import java.util.List;

/**
 * One canary's jobs and its events in time order: each job's start, then (later) its completion. Ties
 * break by job id, starts first, so the order is deterministic.
 */
public final class CanaryStream {
    private static final double TICKS_PER_HOUR = 1e6;
    private static final int CODE_BITS = 23;
    private final List<Job> jobs;
    private final long[] events;

    CanaryStream(List<Job> jobs) {
        if (2L * jobs.size() >= 1L << CODE_BITS) {
            throw new IllegalArgumentException("too many jobs in one stream: " + jobs.size());
        }
        this.jobs = List.copyOf(jobs);
        this.events = new long[2 * jobs.size()];
        for (Job j : jobs) {
            events[2 * j.id()] = key(j.startHours(), 2L * j.id());
            events[2 * j.id() + 1] = key(j.endHours(), 2L * j.id() + 1);
        }
        Arrays.sort(events);
    }

    private static long key(double hours, long code) {
        return (long) (hours * TICKS_PER_HOUR) << CODE_BITS | code;
    }

    public List<Job> jobs() {
        return jobs;
    }

    public int events() {
        return events.length;
    }

    /** The job of the i-th event. */
    public Job job(int event) {
        return jobs.get((int) ((events[event] & ((1L << CODE_BITS) - 1)) >> 1));
    }

    /** Whether the i-th event is a completion (else a start). */
    public boolean completion(int event) {
        return (events[event] & 1) == 1;
    }
}

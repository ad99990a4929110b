package dev.drover.job;

import java.time.Duration;

/** Wakes agents' long polls when there may be new work (a submission, a requeue, a deploy). */
public final class WorkSignal {
    private long generation;

    public synchronized void signal() {
        generation++;
        notifyAll();
    }

    /** Waits until signalled or the time is up; true when signalled. */
    public synchronized boolean await(Duration atMost) throws InterruptedException {
        long seen = generation;
        long deadline = System.nanoTime() + atMost.toNanos();
        while (generation == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}

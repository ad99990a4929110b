package dev.drover.agent.run;

import java.time.Duration;

/** Waits that double after each failure, from {@code first} up to {@code max}; a success starts over. */
public final class Backoff {
    private final Duration first;
    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    public synchronized Duration next() {
        Duration now = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return now;
    }

    public synchronized void reset() {
        next = first;
    }
}

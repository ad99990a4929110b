package dev.drover.agent.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The agent's right to run its attempts: renewed by each answered heartbeat (and by registration), lost when
 * longer than its length passes without one. Past that the controller may give the attempts to another agent,
 * so this agent must have stopped them by then.
 */
public final class Lease {
    private final Clock clock;
    private final Duration length;
    private Instant renewed;

    public Lease(Clock clock, Duration length) {
        this.clock = clock;
        this.length = length;
        this.renewed = clock.instant();
    }

    public synchronized void renew() {
        renewed = clock.instant();
    }

    /** How long since the last renewal. */
    public synchronized Duration silence() {
        return Duration.between(renewed, clock.instant());
    }

    public boolean lost() {
        return silence().compareTo(length) > 0;
    }

    public Duration length() {
        return length;
    }
}

package dev.drover.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The controller's own downtime, as the agents saw it: from the moment this controller starts watching
 * agents (it started, or it became the leader) every agent has one lease plus the lost-margin to check
 * in before any of its attempts is given up on. A lease that lapsed while no controller was watching
 * says nothing about the agent; an agent still silent at the end of the window is gone.
 *
 * <p>Attempts an agent reports {@code agent-lost} inside the window were stopped by the agent's own lease
 * fencing while it could not reach a controller: their jobs go back to the queue without spending an
 * infrastructure retry, since the job did nothing wrong and neither did its host.
 */
public final class CheckIn {
    private final Duration window;
    private final Clock clock;
    private volatile Instant since;

    /** @param window the lease plus the lost-margin */
    public CheckIn(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /**
     * A window that is never open, whatever the clock says (a test clock may be set back): every lapsed lease is
     * believed at once (tests of the reaper alone).
     */
    public static CheckIn none(Clock clock) {
        CheckIn none = new CheckIn(Duration.ZERO, clock);
        none.since = Instant.MIN;
        return none;
    }

    /** This controller starts watching agents now (at start-up, or on becoming the leader). */
    public void open() {
        since = clock.instant();
    }

    /** This controller stopped watching agents (it lost the lead): the next {@link #open()} starts a new window. */
    public void close() {
        since = null;
    }

    /** Whether agents are still checking in at {@code now}: true before {@link #open()} and for the window after it. */
    public boolean open(Instant now) {
        Instant from = since;
        return from == null || from != Instant.MIN && now.isBefore(from.plus(window));
    }
}
